import DriveInput
import Enforcement
import Foundation
import GRDB
import PlateReading

/// `parkscan scan` as a library: a recorded drive in; pending sightings, cases with evidence
/// and occupancy out, in the database.
///
/// Frames are read by ``ScanSettings/workers`` threads (one ``PlateReader`` each, a bounded
/// read-ahead) and consumed in frame order: tracked into sightings, cut into passes at gaps
/// longer than ``ScanSettings/passGap``, each pass decided and committed in one transaction
/// (``PassCommitter``) with the frame the next pass starts at. A run that stops for any
/// reason (Ctrl-C, kill -9, a crash) loses at most the pass it was in; running it again goes
/// on from there, and a finished scan run again changes nothing.
public final class ScanPipeline {
    public let drive: DriveFolder
    public let zones: ZoneMap
    public let database: ParkScanDatabase
    public let rights: any RightsLookup
    public let evidenceFolder: String
    public let settings: ScanSettings
    /// Receives plain log lines (unreadable frames, cases).
    public var log: (String) -> Void = { _ in }
    /// Receives progress after every frame.
    public var progress: (ScanProgress) -> Void = { _ in }

    /// The drive's frames in time order (then camera, then file): the order every run uses.
    public let frames: [DriveFrame]
    private let cameraFrameIndex: [Int]

    public init(drive: DriveFolder, zones: ZoneMap, database: ParkScanDatabase, rights: any RightsLookup,
                evidenceFolder: String, settings: ScanSettings = .init()) {
        self.drive = drive
        self.zones = zones
        self.database = database
        self.rights = rights
        self.evidenceFolder = evidenceFolder
        self.settings = settings
        frames = drive.frames().sorted { a, b in
            (a.time, a.camera, a.path) < (b.time, b.camera, b.path)
        }
        var perCamera: [String: Int] = [:]
        cameraFrameIndex = frames.map { frame in
            defer { perCamera[frame.camera, default: 0] += 1 }
            return perCamera[frame.camera, default: 0]
        }
    }

    /// The scan's id in the database: the vehicle, its first frame's time and the frame count.
    public var scanRunID: String {
        let first = frames.first.map { ISO8601DateFormatter.withMilliseconds.string(from: $0.time) } ?? "empty"
        return "\(drive.vehicle)@\(first)#\(frames.count)"
    }

    /// Runs (or resumes) the scan.
    public func run() throws -> ScanSummary {
        try settings.evidence.validate()
        let started = Date()
        let id = scanRunID
        var run = try database.writer.write { db -> ScanRunRecord in
            if let existing = try ScanRunRecord.fetchOne(db, key: id) { return existing }
            let fresh = ScanRunRecord(id: id, drivePath: drive.path, vehicle: drive.vehicle, frameCount: frames.count)
            try fresh.insert(db)
            return fresh
        }
        if run.completedAt != nil || run.nextFrame >= frames.count {
            return try summary(interrupted: false, framesThisRun: 0, started: started)
        }
        let readers = try (0..<max(1, settings.workers)).map { _ in try PlateReader(configuration: settings.reader) }
        let queue = FrameReadQueue(paths: frames.map(\.path), range: run.nextFrame..<frames.count,
                                   readers: readers, capacity: settings.readAhead)
        defer { queue.stop() }
        let committer = PassCommitter(scanRun: id, zones: zones, rights: rights, settings: settings,
                                      evidenceFolder: evidenceFolder, log: log)
        var tracker = SightingTracker()
        var pass = PassCommitter.PassInput(number: run.passCount + 1, start: frames[run.nextFrame].time,
                                           end: frames[run.nextFrame].time, sightings: [], framesRead: 0,
                                           unreadableFrames: 0, nextFrame: run.nextFrame, completed: false)
        var framesThisRun = 0
        while let (index, outcome) = queue.next() {
            let frame = frames[index]
            if frame.time.timeIntervalSince(pass.end) > settings.passGap {
                pass.sightings += tracker.finish().map(Sighting.init(track:))
                pass.nextFrame = index
                try committer.commit(pass, database: database)
                pass = .init(number: pass.number + 1, start: frame.time, end: frame.time, sightings: [], framesRead: 0,
                             unreadableFrames: 0, nextFrame: index, completed: false)
            }
            if let limit = settings.stopAfterFrames, framesThisRun >= limit {
                return try summary(interrupted: true, framesThisRun: framesThisRun, started: started)
            }
            framesThisRun += 1
            pass.framesRead += 1
            pass.end = frame.time
            var observations: [PlateObservation] = []
            switch outcome {
            case .failure(let error):
                pass.unreadableFrames += 1
                log("skipped frame \(index + 1) (\(frame.camera)): \(error.description)")
            case .success(let reads) where !reads.isEmpty:
                let position = drive.carPosition(seenIn: frame)
                observations = reads.map {
                    PlateObservation(frameIndex: index, cameraFrameIndex: cameraFrameIndex[index], camera: frame.camera,
                                     time: frame.time, framePath: frame.path, read: $0, position: position)
                }
            case .success:
                break
            }
            let closed = tracker.add(observations, camera: frame.camera, cameraFrameIndex: cameraFrameIndex[index])
            pass.sightings += closed.map(Sighting.init(track:))
            progress(ScanProgress(framesDone: index + 1, frameCount: frames.count, framesThisRun: framesThisRun,
                                  elapsed: Date().timeIntervalSince(started)))
        }
        pass.sightings += tracker.finish().map(Sighting.init(track:))
        pass.nextFrame = frames.count
        pass.completed = true
        try committer.commit(pass, database: database)
        run.nextFrame = frames.count
        return try summary(interrupted: false, framesThisRun: framesThisRun, started: started)
    }

    private func summary(interrupted: Bool, framesThisRun: Int, started: Date) throws -> ScanSummary {
        let id = scanRunID
        return try database.writer.read { db in
            guard let run = try ScanRunRecord.fetchOne(db, key: id) else { throw ScanError(message: "scan \(id) not found") }
            let occupancy = try ZoneOccupancyRecord
                .filter(ZoneOccupancyRecord.Columns.scanRun == id && ZoneOccupancyRecord.Columns.granularity == ZoneOccupancyRecord.pass)
                .order(ZoneOccupancyRecord.Columns.periodStart, ZoneOccupancyRecord.Columns.zone)
                .fetchAll(db)
            return ScanSummary(run: run, occupancy: occupancy, interrupted: interrupted, framesThisRun: framesThisRun,
                               elapsed: Date().timeIntervalSince(started), peakResidentBytes: PeakMemory.residentBytes())
        }
    }
}

extension ISO8601DateFormatter {
    nonisolated(unsafe) static let withMilliseconds: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}

/// The process's peak resident set size (VmHWM in /proc/self/status).
enum PeakMemory {
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }
}
