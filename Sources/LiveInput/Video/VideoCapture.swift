import Foundation
import PlateReading

/// A camera, stream or video file opened through OpenCV (FFmpeg, GStreamer, V4L2).
/// Not thread-safe: read it from one thread.
public final class VideoCapture {
    /// The source as given (file, URL, device).
    public let source: String
    private let library: VideoLibrary
    private let handle: OpaquePointer

    /// Opens `source`: a video file, an `rtsp://` or `http://` URL, a V4L2 device
    /// (`/dev/video0`) or a camera index (`0`). For devices, the size and rate are requested.
    /// - Throws: ``LiveSourceError`` naming the source and what to check.
    public init(source: String, width: Int = 0, height: Int = 0, framesPerSecond: Double = 0) throws(LiveSourceError) {
        library = try VideoLibrary.shared()
        self.source = source
        let lib = library
        let (handle, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.open(source, Int32(width), Int32(height), framesPerSecond, buffer, capacity)
        }
        guard let handle else { throw LiveSourceError(message.isEmpty ? "\(source): cannot be opened" : message) }
        self.handle = handle
    }

    deinit { library.close(handle) }

    /// The nominal frame rate; 0 when the source does not say.
    public var framesPerSecond: Double { library.framesPerSecond(handle) }

    /// The frames in a file; nil for live sources.
    public var frameCount: Int? {
        let count = library.frameCount(handle)
        return count >= 0 ? Int(count) : nil
    }

    /// The next frame and its position in the stream (seconds), or nil at the end.
    /// - Throws: ``LiveSourceError`` when a frame cannot be decoded.
    public func next() throws(LiveSourceError) -> (frame: CameraFrame, position: TimeInterval)? {
        var pixels: UnsafePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0
        var rowBytes = 0
        var milliseconds = 0.0
        let lib = library, handle = handle
        let (result, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.read(handle, &pixels, &width, &height, &rowBytes, &milliseconds, buffer, capacity)
        }
        if result == 0 { return nil }
        guard result > 0, let pixels else { throw LiveSourceError("\(source): \(message)") }
        do {
            let frame = try CameraFrame(bgrPixels: pixels, width: Int(width), height: Int(height), rowBytes: rowBytes)
            return (frame, milliseconds / 1000)
        } catch {
            throw LiveSourceError("\(source): \(error.description)")
        }
    }
}
