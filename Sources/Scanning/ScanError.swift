/// A scan that cannot go on, with a message naming the file (and line or frame) at fault.
public struct ScanError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
