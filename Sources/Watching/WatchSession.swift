import Enforcement
import Foundation
import LiveInput
import PlateReading
import Scanning
import Synchronization

/// `parkscan watch` as a library: live frames in, the same decisions as `scan` out.
///
/// Feeds (cameras, video files, a replayed drive) push frames into a ``LiveFrameQueue``
/// (bounded per camera, dropping as ``FrameDropPolicy`` allows); reader threads read them
/// oldest first; one engine thread hands the results, in the order the frames were taken
/// out, to the same ``ScanEngine`` the batch scan uses, which commits each sighting as its
/// track closes. Each session is a scan run of its own (`<vehicle>@<start> live`); pending
/// first sightings live in the database, so a restarted session's second pass confirms
/// those of the first.
public final class WatchSession: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var vehicle: String
        public var zones: ZoneMap
        public var database: ParkScanDatabase
        public var rights: any RightsLookup
        public var evidenceFolder: String
        public var settings: ScanSettings
        /// Frames queued per camera at most.
        public var queueCapacity: Int
        public var dropPolicy: FrameDropPolicy
        /// What the run records as its source (`live`, or the replayed drive's folder).
        public var sourceDescription: String

        public init(vehicle: String, zones: ZoneMap, database: ParkScanDatabase, rights: any RightsLookup,
                    evidenceFolder: String, settings: ScanSettings = .init(), queueCapacity: Int = 4,
                    dropPolicy: FrameDropPolicy = .init(), sourceDescription: String = "live") {
            self.vehicle = vehicle
            self.zones = zones
            self.database = database
            self.rights = rights
            self.evidenceFolder = evidenceFolder
            self.settings = settings
            self.queueCapacity = queueCapacity
            self.dropPolicy = dropPolicy
            self.sourceDescription = sourceDescription
        }
    }

    public let configuration: Configuration
    public let feeds: [any FrameFeed]
    public let positioning: any CarPositioning
    public let gps: LiveGPS?
    /// Receives plain log lines (cases, unreadable frames, source problems).
    public let log: @Sendable (String) -> Void
    private let readers: [any FrameReading]
    private let queue: LiveFrameQueue
    private let sure: SurePlates
    private let shared = Mutex(Shared())
    private let engineDone = DispatchSemaphore(value: 0)
    private var pool: ReaderPool?
    private var engine: ScanEngine?

    private struct Shared {
        var platesRead = 0
        var run: ScanRunRecord?
        var openTracks = 0
        var failure: String?
        var stopping = false
        var finished = false
    }

    public init(configuration: Configuration, feeds: [any FrameFeed], positioning: any CarPositioning,
                readers: [any FrameReading], gps: LiveGPS? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.feeds = feeds
        self.positioning = positioning
        self.readers = readers
        self.gps = gps
        self.log = log
        queue = LiveFrameQueue(cameras: feeds.flatMap(\.cameras), capacity: configuration.queueCapacity,
                               policy: configuration.dropPolicy)
        sure = SurePlates(rule: configuration.settings.surePlates)
    }

    /// The scan run this session writes (set by ``start()``).
    public private(set) var scanRunID = ""

    /// Creates the session's scan run and starts reading.
    public func start() throws {
        try configuration.settings.evidence.validate()
        let started = Date()
        let id = "\(configuration.vehicle)@\(ISO8601Parsing.string(started)) live"
        scanRunID = id
        let record = ScanRunRecord(id: id, drivePath: configuration.sourceDescription, vehicle: configuration.vehicle, frameCount: 0)
        // Evidence paths are relative to the evidence folder: the review finds them through it.
        let evidenceFolder = URL(fileURLWithPath: configuration.evidenceFolder).standardizedFileURL.path
        try configuration.database.writer.write { db in
            try record.insert(db)
            try db.execute(sql: "UPDATE scanRun SET evidenceFolder = ? WHERE id = ?", arguments: [evidenceFolder, id])
        }
        let engine = ScanEngine(run: record, zones: configuration.zones, database: configuration.database,
                                rights: configuration.rights, evidenceFolder: configuration.evidenceFolder,
                                settings: configuration.settings, log: log)
        self.engine = engine
        shared.withLock { $0.run = record }
        pool = ReaderPool(queue: queue, readers: readers, sure: sure)
        // The engine is used on this thread only from here on.
        nonisolated(unsafe) let owned = engine
        let thread = Thread { [self] in
            decide(with: owned)
            engineDone.signal()
        }
        thread.name = "decide"
        thread.stackSize = 4 << 20
        thread.start()
        for feed in feeds { feed.start(into: queue) }
    }

    /// Graceful stop: no more frames are taken; those queued are read, the tracks in flight
    /// decided and committed. Returns when all is written.
    public func stop() {
        shared.withLock { $0.stopping = true }
        queue.close()
        for feed in feeds { feed.stop() }
        waitUntilFinished()
    }

    /// Waits until the sources have ended (a replay, a file without loop) and everything is
    /// decided and committed.
    public func waitUntilFinished() {
        engineDone.wait()
        engineDone.signal()
        pool?.wait()
    }

    /// True once every frame is decided (sources ended, or stopped).
    public var isFinished: Bool { shared.withLock { $0.finished } }

    /// The failure that stopped the session, if any.
    public var failure: String? { shared.withLock { $0.failure } }

    /// A snapshot for the status line and the metrics (fps left 0: see ``WatchStatusMeter``).
    public func status() -> WatchStatus {
        let counts = queue.cameraCounts
        var status = WatchStatus()
        status.cameras = feeds.flatMap(\.cameras).map { WatchStatus.Camera(name: $0, counts: counts[$0] ?? .init(), framesPerSecond: 0) }
        shared.withLock { shared in
            status.platesRead = shared.platesRead
            status.openTracks = shared.openTracks
            status.failure = shared.failure
            if let run = shared.run {
                status.sightings = run.sightings
                status.pending = run.pending
                status.cases = run.cases
                status.unlocated = run.unlocated
            }
        }
        status.backlog = queue.backlog
        status.platesCarried = sure.readCounts.carried
        if let gps {
            let health = gps.health
            status.gps = health
            let now = feeds.compactMap { $0.now() }.max() ?? Date()
            status.gpsFixAge = health.newestFix.map { max(0, now.timeIntervalSince($0)) }
        }
        status.residentBytes = ResidentMemory.bytes()
        return status
    }

    private func decide(with engine: ScanEngine) {
        do {
            loop: while true {
                switch queue.next(timeout: 0.5) {
                case .frame(let sequence, let frame, let outcome):
                    let reads = (try? outcome.get())?.count ?? 0
                    try engine.add(FrameReads(index: sequence, camera: frame.camera, cameraFrameIndex: frame.cameraFrameIndex,
                                              time: frame.time, framePath: frame.path, image: frame.image, outcome: outcome,
                                              position: positioning.carPosition(camera: frame.camera, at: frame.time)))
                    publish(engine, plates: reads)
                case .waiting:
                    // A pass ends by the frame clock only once every frame taken before that
                    // clock reading has been decided: a replay at full speed runs its clock
                    // ahead of frames the readers still hold, which belong to the old pass.
                    // (The clock is read first: a frame taken after it cannot end the pass early.)
                    if let now = feeds.compactMap({ $0.now() }).max(), queue.backlog == 0,
                        try engine.endPassIfQuiet(now: now)
                    {
                        publish(engine, plates: 0)
                    }
                case .end:
                    break loop
                }
            }
            try engine.finish()
            publish(engine, plates: 0)
        } catch {
            log("watch stopped: \(error)")
            shared.withLock { $0.failure = "\(error)" }
            queue.close()
        }
        shared.withLock { $0.finished = true }
    }

    private func publish(_ engine: ScanEngine, plates: Int) {
        let run = engine.run, open = engine.openTracks
        shared.withLock {
            $0.platesRead += plates
            $0.run = run
            $0.openTracks = open
        }
    }
}
