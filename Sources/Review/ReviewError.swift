/// A review command that cannot be carried out, with a message a person can act on (it names
/// the case, the file or the allowed values). Nothing was changed when one is thrown.
public struct ReviewError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        /// No case with that id.
        case unknownCase
        /// The case is already decided (confirmed, rejected, exported).
        case caseClosed
        /// The case changed since the reviewer saw it (another reviewer decided first).
        case conflict
        /// A value outside the allowed ones (reason, plate, status, time).
        case invalidInput
        /// An evidence file is missing or does not match its SHA-256.
        case evidence
        /// A file or folder could not be read or written.
        case io
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
