import Foundation

/// Writes a Motion-JPEG AVI file from image files (test and benchmark videos).
public final class VideoWriter {
    public let path: String
    private let library: VideoLibrary
    private var handle: OpaquePointer?

    /// Creates `path` for `width` x `height` frames at `framesPerSecond`.
    public init(path: String, framesPerSecond: Double, width: Int, height: Int) throws(LiveSourceError) {
        library = try VideoLibrary.shared()
        self.path = path
        let lib = library
        let (handle, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.writerOpen(path, framesPerSecond, Int32(width), Int32(height), buffer, capacity)
        }
        guard let handle else { throw LiveSourceError(message.isEmpty ? "\(path): cannot be created" : message) }
        self.handle = handle
    }

    deinit { finish() }

    /// Appends a JPEG or PNG file as the next frame (scaled to the video's size).
    public func append(imageAt imagePath: String) throws(LiveSourceError) {
        guard let handle else { throw LiveSourceError("\(path): already finished") }
        let lib = library
        let (result, message) = VideoLibrary.withMessage { buffer, capacity in
            lib.writerAppend(handle, imagePath, buffer, capacity)
        }
        guard result == 0 else { throw LiveSourceError(message) }
    }

    /// Finishes the file (also done when the writer goes away).
    public func finish() {
        if let handle { library.writerClose(handle) }
        handle = nil
    }
}
