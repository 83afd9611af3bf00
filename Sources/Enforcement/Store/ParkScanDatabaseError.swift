/// A database that cannot be used as ParkScan's, with a message a person can act on.
public struct ParkScanDatabaseError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the file.
    public let message: String

    public var description: String { message }
}
