/// A failure of the generator, naming the file concerned and what went wrong.
public struct SynthesisError: Error, Sendable, CustomStringConvertible {
    /// The file or directory concerned, if any.
    public let path: String?
    /// What went wrong.
    public let message: String

    public init(path: String? = nil, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}
