import PlateReading

/// A live frame's image, for reading and for evidence (frames of recorded drives have files
/// instead): the camera's own JPEG image as it came (Motion-JPEG: about 250 KB for 1920x1080),
/// or decoded pixels (other sources: 6 MB for 1920x1080).
///
/// Kept as JPEG, a frame is decoded only by the reader thread that reads it, and a track that
/// keeps its best frame for evidence holds a JPEG, not 6 MB of pixels.
public enum FrameImage: Sendable, Equatable {
    case jpeg([UInt8])
    case pixels(CameraFrame)

    /// The pixels (a JPEG is decoded now).
    /// - Throws: ``PlateReadingError`` when the JPEG is not a readable image.
    public func decoded() throws(PlateReadingError) -> CameraFrame {
        switch self {
        case .jpeg(let bytes): try CameraFrame(encoded: bytes)
        case .pixels(let frame): frame
        }
    }

    /// What it holds in memory, in bytes (pixels: 3 per pixel).
    public var byteCount: Int {
        switch self {
        case .jpeg(let bytes): bytes.count
        case .pixels(let frame): frame.width * frame.height * 3
        }
    }

    public static func == (a: FrameImage, b: FrameImage) -> Bool {
        switch (a, b) {
        case (.jpeg(let x), .jpeg(let y)): x == y
        case (.pixels(let x), .pixels(let y)): x === y
        default: false
        }
    }
}
