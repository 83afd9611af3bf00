import CPlateVision

/// A failure to load a frame or to read it, with a message a person can act on.
public struct PlateReadingError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case fileUnreadable, notAnImage, imageTooLarge, corruptImage, ocrUnavailable, invalidArgument, internalFailure
    }

    public var code: Code
    /// What went wrong, in words (`"not a JPEG or PNG (first bytes 00 00 00 18)"`).
    public var message: String
    /// The file concerned, when there is one.
    public var path: String?

    public init(code: Code, message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { path.map { "\($0): \(message)" } ?? message }

    init(_ status: CPlateVision_Status, path: String? = nil) {
        let code: Code = switch Int(status.code) {
        case Int(CPlateVision_ErrorFileUnreadable.rawValue): .fileUnreadable
        case Int(CPlateVision_ErrorNotAnImage.rawValue): .notAnImage
        case Int(CPlateVision_ErrorImageTooLarge.rawValue): .imageTooLarge
        case Int(CPlateVision_ErrorCorruptImage.rawValue): .corruptImage
        case Int(CPlateVision_ErrorOCRUnavailable.rawValue): .ocrUnavailable
        case Int(CPlateVision_ErrorInvalidArgument.rawValue): .invalidArgument
        default: .internalFailure
        }
        self.init(code: code, message: status.messageText, path: path)
    }
}

extension CPlateVision_Status {
    static var ok: CPlateVision_Status { CPlateVision_Status() }

    var messageText: String {
        withUnsafeBytes(of: message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
