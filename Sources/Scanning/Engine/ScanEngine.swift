import Enforcement
import Foundation
import PlateReading

/// The decision engine of `parkscan scan` and `parkscan watch`: one for both, so a live scan
/// decides exactly as the batch scan of the same frames.
///
/// It takes the reads of frames in scan order (time, then camera) and
/// - tracks plates per camera (``SightingTracker``) into sightings;
/// - commits the sightings that closed at a frame as soon as they closed, decided in one
///   transaction with the run's counters (``PassCommitter``): a scan stopped at any moment
///   loses at most the tracks still open;
/// - cuts passes at gaps longer than ``ScanSettings/passGap`` between frames, or (live) when
///   no frame came for that long (``endPassIfQuiet(now:)``); occupancy is counted per pass.
///
/// Resuming (batch): the run record says where the pass began (`nextFrame`) and up to where
/// its sightings are decided (`decidedThrough`). The caller feeds frames again from
/// `nextFrame`; the sightings that close before `decidedThrough` are not decided again, only
/// noted (a car seen twice in a pass counts once), so the final result equals an
/// uninterrupted scan's.
public final class ScanEngine {
    public let settings: ScanSettings
    /// The run as of the last commit (counters, progress).
    public private(set) var run: ScanRunRecord
    /// Receives plain log lines (unreadable frames, cases).
    public var log: (String) -> Void {
        didSet { committer = makeCommitter() }
    }
    /// Sees every decided sighting with its track's reads and its outcome: for scoring
    /// generated drives (`parkscan bench scan`). It sees compliant plates: never set it on
    /// a real scan.
    public var audit: ((PlateTrack, Sighting, SightingOutcome) -> Void)? {
        didSet { committer = makeCommitter() }
    }
    /// The closed tracks waiting for their audit, by camera and first frame.
    private var auditedTracks: [String: PlateTrack] = [:]

    private let zones: ZoneMap
    private let rights: any RightsLookup
    private let evidenceFolder: String
    private let database: ParkScanDatabase
    private var committer: PassCommitter!
    private var tracker = SightingTracker()
    private var counted = PassVehicles()
    private var pass: Int
    private var passStart: Date?
    private var lastFrameTime: Date?
    private var lastFrameIndex: Int?
    /// Zones the cameras looked at since the last commit (zone -> time buckets).
    private var covered: [String: Set<Date>] = [:]
    private var framesSinceCommit = 0
    private var unreadableSinceCommit = 0
    /// Frames before this were decided by an earlier run of the same scan.
    private let decidedBefore: Int

    /// An engine continuing `run` (fresh or resumed; see the type's documentation).
    public init(run: ScanRunRecord, zones: ZoneMap, database: ParkScanDatabase, rights: any RightsLookup,
                evidenceFolder: String, settings: ScanSettings, log: @escaping (String) -> Void = { _ in }) {
        self.run = run
        self.zones = zones
        self.database = database
        self.rights = rights
        self.evidenceFolder = evidenceFolder
        self.settings = settings
        self.log = log
        pass = run.passCount + 1
        decidedBefore = run.decidedThrough
        committer = makeCommitter()
    }

    private func makeCommitter() -> PassCommitter {
        var committer = PassCommitter(scanRun: run.id, zones: zones, rights: rights, settings: settings,
                                      evidenceFolder: evidenceFolder, log: log)
        if let audit {
            committer.audit = { [unowned self] sighting, outcome in
                let key = Self.auditKey(camera: sighting.camera, firstFrame: sighting.firstFrameIndex)
                if let track = auditedTracks.removeValue(forKey: key) { audit(track, sighting, outcome) }
            }
        }
        return committer
    }

    private static func auditKey(camera: String, firstFrame: Int) -> String { "\(camera)#\(firstFrame)" }

    private func sightingsAudited(_ tracks: [PlateTrack]) -> [Sighting] {
        if audit != nil {
            for track in tracks { auditedTracks[Self.auditKey(camera: track.camera, firstFrame: track.firstFrameIndex)] = track }
        }
        return tracks.map(Sighting.init(track:))
    }

    /// Tracks that are open: cars in view or just out of it, not decided yet.
    public var openTracks: Int { tracker.openTrackCount }

    /// The time of the latest frame taken, nil before the first and between passes.
    public var latestFrameTime: Date? { lastFrameTime }

    /// Adds one frame's reads (frames in scan order) and commits what closed.
    public func add(_ frame: FrameReads) throws {
        if let last = lastFrameTime, frame.time.timeIntervalSince(last) > settings.passGap {
            try endPass(nextFrame: frame.index)
        }
        if passStart == nil { passStart = frame.time }
        lastFrameTime = frame.time
        lastFrameIndex = frame.index
        if let position = frame.position,
           let zone = zones.zone(near: ZonePoint(latitude: position.latitude, longitude: position.longitude),
                                 within: settings.zoneTolerance) {
            covered[zone.id, default: []].insert(OccupancyTally.bucketStart(of: frame.time, bucket: settings.bucket))
        }
        let replaying = frame.index < decidedBefore
        if !replaying {
            framesSinceCommit += 1
            if case .failure(let error) = frame.outcome {
                unreadableSinceCommit += 1
                log("skipped frame \(frame.index + 1) (\(frame.camera)): \(error.description)")
            }
        }
        let closed = sightingsAudited(tracker.add(frame.observations, camera: frame.camera, cameraFrameIndex: frame.cameraFrameIndex))
        if replaying {
            try committer.remember(closed, counted: &counted)
            auditedTracks = [:]
        } else if !closed.isEmpty {
            try commit(closed, decidedThrough: frame.index + 1, passEnds: false, completed: false)
        }
    }

    /// Live sources: ends the pass when no frame has come for longer than the pass gap by
    /// `now` (frame clock), deciding the tracks still open. True when it did.
    @discardableResult
    public func endPassIfQuiet(now: Date) throws -> Bool {
        guard let last = lastFrameTime, let index = lastFrameIndex, now.timeIntervalSince(last) > settings.passGap else { return false }
        try endPass(nextFrame: index + 1)
        return true
    }

    /// The end of the frames: decides every open track and marks the run completed.
    public func finish() throws {
        guard let index = lastFrameIndex, let last = lastFrameTime else {
            if run.completedAt == nil { try markCompleted() }
            return
        }
        let sightings = sightingsAudited(tracker.finish())
        try commit(sightings, decidedThrough: index + 1, passEnds: true, completed: true, lastFrameTime: last)
        lastFrameTime = nil
    }

    private func endPass(nextFrame: Int) throws {
        let sightings = sightingsAudited(tracker.finish())
        try commit(sightings, decidedThrough: nextFrame, passEnds: true, completed: false)
        pass += 1
        passStart = nil
        lastFrameTime = nil
        counted = PassVehicles()
    }

    private func commit(_ sightings: [Sighting], decidedThrough: Int, passEnds: Bool, completed: Bool,
                        lastFrameTime: Date? = nil) throws {
        guard let passStart, let end = lastFrameTime ?? self.lastFrameTime else { return }
        let step = PassCommitter.Step(pass: pass, passStart: passStart, lastFrameTime: end, sightings: sightings,
                                      framesRead: framesSinceCommit, unreadableFrames: unreadableSinceCommit,
                                      decidedThrough: decidedThrough, passEnds: passEnds, completed: completed,
                                      covered: covered)
        defer { auditedTracks = [:] }
        run = try committer.commit(step, counted: &counted, database: database)
        covered = [:]
        framesSinceCommit = 0
        unreadableSinceCommit = 0
    }

    private func markCompleted() throws {
        let id = run.id
        run = try database.writer.write { db in
            guard var run = try ScanRunRecord.fetchOne(db, key: id) else { throw ScanError(message: "scan \(id) vanished from the database") }
            run.completedAt = run.completedAt ?? Date()
            try run.update(db)
            return run
        }
    }
}
