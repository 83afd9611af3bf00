/// Something wrong in a recorded drive that was skipped rather than stopping the load:
/// a GPS sentence with a bad checksum, a frame whose name is not a time, …
///
/// `description` reads like a compiler message:
/// `gps.nmea:17: checksum is 4A, sentence says 4B; skipped`.
public struct DriveInputIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file concerned, as it was given to the reader.
    public var file: String
    /// The 1-based line in `file`, when the issue is about one line.
    public var line: Int?
    /// What is wrong and what was done about it.
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
