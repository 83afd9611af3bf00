import DriveInput
import Foundation
import PlateReading

/// Reads frames on several threads, one ``PlateReader`` each, and hands the results out in
/// frame order. At most `capacity` frames are read ahead of the consumer (bounded buffering:
/// memory does not grow with the drive). Plates sure from earlier frames are not read
/// again (``SurePlates``).
final class FrameReadQueue: @unchecked Sendable {
    typealias Outcome = Result<[PlateRead], PlateReadingError>

    private let condition = NSCondition()
    private let frames: [DriveFrame]
    private let cameraFrameIndex: [Int]
    /// What the readers are told before each frame, and the reads they gave.
    let sure: SurePlates
    private let end: Int
    private let capacity: Int
    private var nextToClaim: Int
    private var nextToDeliver: Int
    private var results: [Int: Outcome] = [:]
    private var stopped = false
    private let finished = DispatchGroup()

    /// Starts reading `frames[range]` (`cameraFrameIndex`: each one's place in its camera's
    /// frames) with `readers` (one thread each; the queue owns them).
    init(frames: [DriveFrame], cameraFrameIndex: [Int], range: Range<Int>, readers: [PlateReader], capacity: Int,
         sureRule: SurePlates.Rule = .init()) {
        self.frames = frames
        self.cameraFrameIndex = cameraFrameIndex
        sure = SurePlates(rule: sureRule, firstSequence: range.lowerBound)
        self.end = range.upperBound
        self.capacity = max(capacity, readers.count)
        self.nextToClaim = range.lowerBound
        self.nextToDeliver = range.lowerBound
        for reader in readers {
            let box = ReaderBox(reader)
            finished.enter()
            let thread = Thread { [self] in
                work(box.reader)
                finished.leave()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    deinit { stop() }

    private func work(_ reader: PlateReader) {
        while true {
            condition.lock()
            while !stopped && nextToClaim < end && nextToClaim - nextToDeliver >= capacity { condition.wait() }
            if stopped || nextToClaim >= end {
                condition.unlock()
                return
            }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            let frame = frames[index], place = cameraFrameIndex[index]
            let known = sure.known(sequence: index, camera: frame.camera, cameraFrameIndex: place, time: frame.time)
            let outcome: Outcome
            do { outcome = .success(try reader.read(contentsOf: frame.path, knowing: known)) } catch { outcome = .failure(error) }
            sure.record(.init(sequence: index, cameraFrameIndex: place, time: frame.time, reads: (try? outcome.get()) ?? []),
                        camera: frame.camera)
            condition.lock()
            results[index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next frame's index and result, in order; nil after the last.
    func next() -> (index: Int, outcome: Outcome)? {
        condition.lock()
        defer { condition.unlock() }
        while nextToDeliver < end && results[nextToDeliver] == nil && !stopped { condition.wait() }
        guard nextToDeliver < end, let outcome = results.removeValue(forKey: nextToDeliver) else { return nil }
        let index = nextToDeliver
        nextToDeliver += 1
        condition.broadcast()
        return (index, outcome)
    }

    /// Stops the workers after their current frame and waits for them.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }
}

/// Hands a reader to its thread: it is used there only from then on.
private final class ReaderBox: @unchecked Sendable {
    let reader: PlateReader
    init(_ reader: PlateReader) { self.reader = reader }
}
