import Foundation

/// A source of live frames (cameras, video files, a replayed drive): pushes its frames into
/// the queue on its own thread until it ends or is stopped.
public protocol FrameFeed: AnyObject, Sendable {
    /// The cameras it delivers frames of.
    var cameras: [String] { get }
    /// Starts the feed's thread; it calls `queue.finish(camera:)` for its cameras when done.
    func start(into queue: LiveFrameQueue)
    /// Stops pushing and waits for the thread.
    func stop()
    /// The frame clock now (when the next frame would be taken), nil when unknown: a pass ends
    /// when it is more than the pass gap past the last frame.
    func now() -> Date?
}
