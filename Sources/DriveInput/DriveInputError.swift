/// A failure that stops loading a drive or a GPS file, with a message a person can act on.
///
/// Match on `code`: `catch let error as DriveInputError where error.code == .fileMissing`.
/// `description` names the file and line: `drive/drive.json: cameras[1].side is "up";
/// expected "left" or "right"`.
public struct DriveInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// A file or folder the drive needs does not exist.
        case fileMissing
        /// A file exists but cannot be read.
        case fileUnreadable
        /// `drive.json` (or a `frames.csv` header) is malformed or names something invalid.
        case invalidDriveDescription
        /// A GPS file is not well-formed (e.g. broken XML).
        case invalidGPSData
        /// One NMEA sentence is malformed (bad checksum, bad field).
        case invalidSentence
        /// The GPS file's extension names no format we read.
        case unsupportedFormat
    }

    public var code: Code
    /// What went wrong, in words.
    public var message: String
    /// The file concerned, when there is one.
    public var path: String?
    /// The 1-based line in `path`, when known.
    public var line: Int?

    public init(code: Code, message: String, path: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
    }

    public var description: String {
        switch (path, line) {
        case let (path?, line?): "\(path):\(line): \(message)"
        case let (path?, nil): "\(path): \(message)"
        default: message
        }
    }
}
