import Foundation
import PlateReading

/// A camera, stream or video file opened through FFmpeg (files, RTSP/HTTP, V4L2 devices).
/// Not thread-safe: read it from one thread.
///
/// A frame is taken in two steps, so that a frame nobody will read costs next to nothing:
/// ``grab()`` takes it from the source, then ``retrieve()`` decodes it, or, for Motion-JPEG
/// opened with `passJPEG`, ``retrieveJPEG()`` hands on the camera's own JPEG image undecoded
/// (the reader thread decodes it; a dropped frame is never decoded).
public final class VideoCapture {
    /// The source as given (file, URL, device).
    public let source: String
    /// True when frames come as the stream's JPEG images (``retrieveJPEG()``), not decoded.
    public let passesJPEG: Bool
    private let library: VideoLibrary
    private let handle: OpaquePointer

    /// Opens `source`: a video file, an `rtsp://` or `http://` URL, a V4L2 device
    /// (`/dev/video0`) or a camera index (`0`). For devices, the size and rate are requested.
    /// `passJPEG`: hand Motion-JPEG frames on undecoded (``passesJPEG``; not when the source's
    /// frame rate is unknown).
    /// - Throws: ``LiveSourceError`` naming the source and what to check.
    public init(source: String, width: Int = 0, height: Int = 0, framesPerSecond: Double = 0, passJPEG: Bool = false) throws(LiveSourceError) {
        library = try VideoLibrary.shared()
        self.source = source
        let lib = library
        let (handle, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.open(source, Int32(width), Int32(height), framesPerSecond, buffer, capacity)
        }
        guard let handle else { throw LiveSourceError(message.isEmpty ? "\(source): cannot be opened" : message) }
        self.handle = handle
        passesJPEG = passJPEG && lib.passJPEG(handle) == 1
    }

    deinit { library.close(handle) }

    /// The nominal frame rate; 0 when the source does not say.
    public var framesPerSecond: Double { library.framesPerSecond(handle) }

    /// The frames in a file; nil for live sources.
    public var frameCount: Int? {
        let count = library.frameCount(handle)
        return count >= 0 ? Int(count) : nil
    }

    /// Takes the next frame from the source; returns its position in the stream (seconds),
    /// or nil at the end. Its image is ``retrieve()``d or ``retrieveJPEG()``d after, if wanted.
    /// - Throws: ``LiveSourceError`` when the source fails.
    public func grab() throws(LiveSourceError) -> TimeInterval? {
        var milliseconds = 0.0
        let lib = library, handle = handle
        let (result, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.grab(handle, &milliseconds, buffer, capacity)
        }
        if result == 0 { return nil }
        guard result > 0 else { throw LiveSourceError("\(source): \(message)") }
        return milliseconds / 1000
    }

    /// The grabbed frame, decoded (a JPEG passed on is decoded here).
    /// - Throws: ``LiveSourceError`` when it cannot be decoded.
    public func retrieve() throws(LiveSourceError) -> CameraFrame {
        if passesJPEG {
            let bytes = try retrieveJPEG()
            do { return try CameraFrame(encoded: bytes) } catch { throw LiveSourceError("\(source): \(error.description)") }
        }
        var pixels: UnsafePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0
        var rowBytes = 0
        let lib = library, handle = handle
        let (result, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.retrieve(handle, &pixels, &width, &height, &rowBytes, buffer, capacity)
        }
        guard result > 0, let pixels else { throw LiveSourceError("\(source): \(message)") }
        do {
            return try CameraFrame(bgrPixels: pixels, width: Int(width), height: Int(height), rowBytes: rowBytes)
        } catch {
            throw LiveSourceError("\(source): \(error.description)")
        }
    }

    /// The grabbed frame's JPEG image as the camera encoded it (only when ``passesJPEG``).
    /// - Throws: ``LiveSourceError`` when the packet is not a JPEG image.
    public func retrieveJPEG() throws(LiveSourceError) -> [UInt8] {
        var bytes: UnsafePointer<UInt8>?
        var count = 0
        let lib = library, handle = handle
        let (result, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.retrieveJPEG(handle, &bytes, &count, buffer, capacity)
        }
        guard result > 0, let bytes else { throw LiveSourceError("\(source): \(message)") }
        return Array(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// The next frame, decoded, and its position in the stream (seconds), or nil at the end.
    /// - Throws: ``LiveSourceError`` when a frame cannot be taken or decoded.
    public func next() throws(LiveSourceError) -> (frame: CameraFrame, position: TimeInterval)? {
        guard let position = try grab() else { return nil }
        return (try retrieve(), position)
    }
}
