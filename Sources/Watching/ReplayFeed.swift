import DriveInput
import Foundation
import Scanning
import Synchronization

/// A recorded drive played as if live: its frames in scan order (the order `scan` takes
/// them), at their real timing divided by `speed`. Speed 0 plays as fast as the readers
/// go, dropping nothing (the queue's policy must block): for tests and equivalence checks.
public final class ReplayFeed: FrameFeed, @unchecked Sendable {
    public let drive: DriveFolder
    public let speed: Double
    public let cameras: [String]
    private let frames: [DriveFrame]
    private let cameraFrameIndex: [Int]
    private let stopped = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    private let clock = Mutex<(wall: Date, frame: Date)?>(nil)

    /// Plays the frames taken within `window` (all when nil).
    public init(drive: DriveFolder, speed: Double, window: ClosedRange<Date>? = nil) {
        self.drive = drive
        self.speed = max(0, speed)
        let order = drive.scanOrder()
        let chosen = order.frames.indices.filter { window?.contains(order.frames[$0].time) ?? true }
        frames = chosen.map { order.frames[$0] }
        cameraFrameIndex = chosen.map { order.cameraFrameIndex[$0] }
        cameras = drive.cameras.map(\.name)
    }

    public var frameCount: Int { frames.count }

    public func start(into queue: LiveFrameQueue) {
        let thread = Thread { [self] in
            run(queue)
            for camera in cameras { queue.finish(camera: camera) }
            done.signal()
        }
        thread.name = "replay"
        thread.start()
    }

    public func stop() {
        stopped.store(true, ordering: .relaxed)
        done.wait()
    }

    public func now() -> Date? {
        clock.withLock { clock in
            guard let clock else { return nil }
            return speed > 0 ? clock.frame.addingTimeInterval(Date().timeIntervalSince(clock.wall) * speed) : clock.frame
        }
    }

    private func run(_ queue: LiveFrameQueue) {
        guard let first = frames.first else { return }
        let started = Date()
        for (offset, frame) in frames.enumerated() where !stopped.load(ordering: .relaxed) {
            if speed > 0 {
                let due = started.addingTimeInterval(frame.time.timeIntervalSince(first.time) / speed)
                // Between passes the next frame can be minutes away: wait in slices, so that a
                // stop is not held up.
                while !stopped.load(ordering: .relaxed) && due.timeIntervalSinceNow > 0 {
                    Thread.sleep(forTimeInterval: min(0.1, due.timeIntervalSinceNow))
                }
                clock.withLock { $0 = (started, first.time) }
            } else {
                clock.withLock { $0 = (Date(), frame.time) }
            }
            let live = LiveFrame(camera: frame.camera, cameraFrameIndex: cameraFrameIndex[offset], time: frame.time,
                                 image: nil, path: frame.path)
            guard queue.push(live) else { return }
        }
    }
}
