import Foundation
import PlateReading

/// Between the live sources and the readers: a small queue per camera, frames handed to the
/// reader threads oldest first across cameras, results handed to the decision engine in
/// the order the frames were handed out.
///
/// Memory stays flat: each camera queues at most ``capacity`` frames; when a camera's queue
/// is full, a frame is dropped as ``FrameDropPolicy`` allows (counted), or the camera waits.
///
/// A camera asks first (``admit(camera:cameraFrameIndex:)``) and takes the frame's image only
/// when it is to be queued: a frame dropped on arrival is never decoded or copied.
public final class LiveFrameQueue: @unchecked Sendable {
    public typealias Outcome = Result<[PlateRead], PlateReadingError>

    /// A frame with its place in the scan order.
    public struct Job: @unchecked Sendable {
        public var sequence: Int
        public var frame: LiveFrame
    }

    /// What happened to one camera's frames so far.
    public struct CameraCounts: Sendable, Equatable {
        public var captured = 0
        public var read = 0
        public var dropped = 0
        /// Times the camera had to wait because nothing could be dropped.
        public var stalls = 0
        /// The longest run of consecutive dropped frames (1 with the default policy).
        public var longestDropRun = 0

        public init(captured: Int = 0, read: Int = 0, dropped: Int = 0, stalls: Int = 0, longestDropRun: Int = 0) {
            self.captured = captured
            self.read = read
            self.dropped = dropped
            self.stalls = stalls
            self.longestDropRun = longestDropRun
        }
    }

    public let capacity: Int
    public let policy: FrameDropPolicy
    private let condition = NSCondition()
    private var queues: [String: [LiveFrame]] = [:]
    private var recentlyDropped: [String: [Int]] = [:]
    private var lastDropped: [String: (index: Int, run: Int)] = [:]
    private var counts: [String: CameraCounts] = [:]
    private var openSources: Set<String> = []
    private var closed = false
    private var nextSequence: Int
    private var nextToDeliver: Int
    private var results: [Int: (LiveFrame, Outcome)] = [:]
    private var inFlight = 0
    /// Per camera, the frame admitted whose image is being taken (its place is kept).
    private var admitted: [String: Int] = [:]

    /// `firstSequence`: the scan-order index of the first frame (a resumed run's next frame).
    public init(cameras: [String], capacity: Int = 2, policy: FrameDropPolicy = .init(), firstSequence: Int = 0) {
        self.capacity = max(1, capacity)
        self.policy = policy
        nextSequence = firstSequence
        nextToDeliver = firstSequence
        for camera in cameras {
            queues[camera] = []
            counts[camera] = CameraCounts()
            openSources.insert(camera)
        }
    }

    /// Counts per camera.
    public var cameraCounts: [String: CameraCounts] {
        condition.lock()
        defer { condition.unlock() }
        return counts
    }

    /// Frames queued or being read.
    public var backlog: Int {
        condition.lock()
        defer { condition.unlock() }
        return queues.values.reduce(0) { $0 + $1.count } + inFlight + results.count
    }

    /// What becomes of a frame a camera has taken.
    public enum Admission: Equatable, Sendable {
        /// It goes into the queue: take its image and ``push(_:)`` it (or ``withdraw(camera:)``).
        case queue
        /// It is dropped (counted): do not decode it.
        case drop
        /// The queue is closed: the source should stop.
        case closed
    }

    /// For a source, before it takes a frame's image: makes room for frame `cameraFrameIndex`
    /// of `camera` (dropping a queued frame or this one as the policy allows, else waiting)
    /// and says whether it is queued. An admitted frame keeps its place until it is pushed.
    public func admit(camera: String, cameraFrameIndex index: Int) -> Admission {
        condition.lock()
        defer { condition.unlock() }
        return admitLocked(camera: camera, index: index)
    }

    private func admitLocked(camera: String, index: Int) -> Admission {
        counts[camera, default: .init()].captured += 1
        var stalled = false
        while !closed && (queues[camera]?.count ?? 0) >= capacity {
            let queued = queues[camera, default: []].map(\.cameraFrameIndex)
            if let victim = policy.victim(queued: queued, arriving: index,
                                          recentlyDropped: recentlyDropped[camera, default: []]) {
                noteDrop(camera: camera, index: victim)
                if victim == index { return .drop }
                queues[camera]!.removeAll { $0.cameraFrameIndex == victim }
                break
            }
            if !stalled {
                stalled = true
                counts[camera, default: .init()].stalls += 1
            }
            condition.wait()
        }
        guard !closed else { return .closed }
        admitted[camera] = index
        return .queue
    }

    /// A source could not take the image of the frame it was admitted for: it is not counted.
    public func withdraw(camera: String) {
        condition.lock()
        defer { condition.unlock() }
        guard admitted.removeValue(forKey: camera) != nil else { return }
        counts[camera, default: .init()].captured -= 1
        condition.broadcast()
    }

    /// A source's new frame: queued if admitted (``admit(camera:cameraFrameIndex:)``), else
    /// admitted now (it may be dropped). Returns false once the queue is closed (the source
    /// should stop).
    @discardableResult
    public func push(_ frame: LiveFrame) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let camera = frame.camera
        if admitted[camera] != frame.cameraFrameIndex {
            switch admitLocked(camera: camera, index: frame.cameraFrameIndex) {
            case .closed: return false
            case .drop: return true
            case .queue: break
            }
        }
        admitted[camera] = nil
        guard !closed else { return false }
        queues[camera, default: []].append(frame)
        condition.broadcast()
        return true
    }

    private func noteDrop(camera: String, index: Int) {
        counts[camera, default: .init()].dropped += 1
        var recent = recentlyDropped[camera, default: []]
        recent.append(index)
        if recent.count > 8 { recent.removeFirst(recent.count - 8) }
        recentlyDropped[camera] = recent
        let run = lastDropped[camera].map { $0.index == index - 1 ? $0.run + 1 : 1 } ?? 1
        lastDropped[camera] = (index, run)
        counts[camera, default: .init()].longestDropRun = max(counts[camera]!.longestDropRun, run)
    }

    /// A source has no more frames.
    public func finish(camera: String) {
        condition.lock()
        openSources.remove(camera)
        condition.broadcast()
        condition.unlock()
    }

    /// No more frames are taken from sources (shutdown); queued frames are still read.
    public func close() {
        condition.lock()
        closed = true
        openSources.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// For a reader thread: the oldest queued frame of any camera, waiting for one; nil when
    /// every source has finished and nothing is queued.
    public func take() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let heads = queues.compactMap { $0.value.first }
            if let oldest = heads.min(by: { ($0.time, $0.camera) < ($1.time, $1.camera) }) {
                queues[oldest.camera]!.removeFirst()
                let job = Job(sequence: nextSequence, frame: oldest)
                nextSequence += 1
                inFlight += 1
                condition.broadcast()
                return job
            }
            if openSources.isEmpty { return nil }
            condition.wait()
        }
    }

    /// For a reader thread: the outcome of a job.
    public func deliver(_ job: Job, _ outcome: Outcome) {
        condition.lock()
        results[job.sequence] = (job.frame, outcome)
        inFlight -= 1
        counts[job.frame.camera, default: .init()].read += 1
        condition.broadcast()
        condition.unlock()
    }

    /// What the engine gets next.
    public enum Next {
        case frame(sequence: Int, frame: LiveFrame, outcome: Outcome)
        /// Nothing within the timeout (time to check for a quiet end of pass).
        case waiting
        /// Every source finished and every frame was delivered.
        case end
    }

    /// For the engine's thread: the next result in sequence order.
    public func next(timeout: TimeInterval) -> Next {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let (frame, outcome) = results.removeValue(forKey: nextToDeliver) {
                let sequence = nextToDeliver
                nextToDeliver += 1
                condition.broadcast()
                return .frame(sequence: sequence, frame: frame, outcome: outcome)
            }
            if openSources.isEmpty && inFlight == 0 && results.isEmpty && queues.values.allSatisfy(\.isEmpty) { return .end }
            if !condition.wait(until: deadline) { return .waiting }
        }
    }
}
