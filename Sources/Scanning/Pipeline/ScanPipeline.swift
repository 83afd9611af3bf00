import DriveInput
import Enforcement
import Foundation
import GRDB
import PlateReading

/// `parkscan scan` as a library: a recorded drive in; pending sightings, cases with evidence
/// and occupancy out, in the database.
///
/// Frames are read by ``ScanSettings/workers`` threads (one ``PlateReader`` each, a bounded
/// read-ahead) and handed in frame order to the ``ScanEngine``, which tracks, decides and
/// commits each sighting as its track closes, and cuts passes at gaps longer than
/// ``ScanSettings/passGap``. A run that stops for any reason (Ctrl-C, kill -9, a crash) loses
/// at most the tracks that were open; running it again goes on from there (reading again
/// from the start of the pass it was in, see ``ScanEngine``), and a finished scan run again
/// changes nothing.
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
    /// Sees every decided sighting (``ScanEngine/audit``): generated drives only.
    public var audit: ((PlateTrack, Sighting, SightingOutcome) -> Void)?

    /// The drive's frames in scan order (see ``DriveFolder/scanOrder``).
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
        let order = drive.scanOrder()
        frames = order.frames
        cameraFrameIndex = order.cameraFrameIndex
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
        let run = try database.writer.write { db -> ScanRunRecord in
            if let existing = try ScanRunRecord.fetchOne(db, key: id) { return existing }
            let fresh = ScanRunRecord(id: id, drivePath: drive.path, vehicle: drive.vehicle, frameCount: frames.count)
            try fresh.insert(db)
            return fresh
        }
        if run.completedAt != nil || run.nextFrame >= frames.count {
            return try summary(interrupted: false, framesThisRun: 0, started: started, reads: (0, 0))
        }
        let readers = try (0..<max(1, settings.workers)).map { _ in try PlateReader(configuration: settings.reader) }
        let queue = FrameReadQueue(frames: frames, cameraFrameIndex: cameraFrameIndex, range: run.nextFrame..<frames.count,
                                   readers: readers, capacity: settings.readAhead, sureRule: settings.surePlates)
        defer { queue.stop() }
        let engine = ScanEngine(run: run, zones: zones, database: database, rights: rights,
                                evidenceFolder: evidenceFolder, settings: settings, log: log)
        engine.audit = audit
        var framesThisRun = 0
        while let (index, outcome) = queue.next() {
            if let limit = settings.stopAfterFrames, framesThisRun >= limit {
                return try summary(interrupted: true, framesThisRun: framesThisRun, started: started, reads: queue.sure.readCounts)
            }
            framesThisRun += 1
            let frame = frames[index]
            try engine.add(FrameReads(index: index, camera: frame.camera, cameraFrameIndex: cameraFrameIndex[index],
                                      time: frame.time, framePath: frame.path, outcome: outcome,
                                      position: drive.carPosition(seenIn: frame)))
            progress(ScanProgress(framesDone: index + 1, frameCount: frames.count, framesThisRun: framesThisRun,
                                  elapsed: Date().timeIntervalSince(started)))
        }
        try engine.finish()
        return try summary(interrupted: false, framesThisRun: framesThisRun, started: started, reads: queue.sure.readCounts)
    }

    private func summary(interrupted: Bool, framesThisRun: Int, started: Date, reads: (read: Int, carried: Int)) throws -> ScanSummary {
        let id = scanRunID
        return try database.writer.read { db in
            guard let run = try ScanRunRecord.fetchOne(db, key: id) else { throw ScanError(message: "scan \(id) not found") }
            let occupancy = try ZoneOccupancyRecord
                .filter(ZoneOccupancyRecord.Columns.scanRun == id && ZoneOccupancyRecord.Columns.granularity == ZoneOccupancyRecord.pass)
                .order(ZoneOccupancyRecord.Columns.periodStart, ZoneOccupancyRecord.Columns.zone)
                .fetchAll(db)
            return ScanSummary(run: run, occupancy: occupancy, interrupted: interrupted, framesThisRun: framesThisRun,
                               elapsed: Date().timeIntervalSince(started), peakResidentBytes: PeakMemory.residentBytes(),
                               platesRead: reads.read, platesCarried: reads.carried)
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
