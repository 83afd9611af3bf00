import Foundation

/// One recorded camera frame of a drive: which camera, when, and where the image file is.
public struct DriveFrame: Sendable, Hashable, Codable {
    /// The camera's name (``CameraMount/name``).
    public var camera: String
    /// When the frame was taken, on the GPS clock (UTC): the recorded time plus the camera's
    /// ``DriveManifest/Camera/clockOffset``.
    public var time: Date
    /// The image file's path (the drive folder's path joined with the frame's).
    public var path: String

    public init(camera: String, time: Date, path: String) {
        self.camera = camera
        self.time = time
        self.path = path
    }
}
