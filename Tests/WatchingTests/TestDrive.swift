import DriveInput
import Enforcement
import Foundation
import GRDB
import Scanning
import Synthesis
import Watching

/// A small generated drive (960x540, few cars) in a temporary folder, and helpers to scan it
/// with `scan` and with `watch`.
struct TestDrive {
    static let zonesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Zones/demo-town")

    let folder: String
    let truth: DriveTruth
    let drivePath: String

    /// `Fixtures/demo-drive` (shipped, 320 frames, two cases), with databases in a
    /// temporary folder.
    static func demo() throws -> TestDrive { try TestDrive(fixture: "Fixtures/demo-drive") }

    private init(fixture: String) throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("watching-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        drivePath = Self.zonesFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(fixture).path
        truth = try JSONDecoder().decode(DriveTruth.self, from: Data(contentsOf: URL(fileURLWithPath: drivePath + "/truth.json")))
    }

    init(seed: UInt64 = 30, cars: Int = 8, recording: DriveOptions.Recording = .triggered, framesPerSecond: Double = 10) throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("watching-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let options = DriveOptions(cars: cars, passes: 2, minutesBetweenPasses: 12, latePassMinutes: 100,
                                   framesPerSecond: framesPerSecond, width: 960, height: 540, recording: recording,
                                   jpegQuality: 70, degrade: false)
        let generator = try DriveGenerator(seed: seed, options: options, zones: ZoneMap.load(folder: Self.zonesFolder))
        drivePath = (folder as NSString).appendingPathComponent("drive")
        truth = try generator.write(to: drivePath)
    }

    func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    func zones() throws -> ZoneMap { try ZoneMap.load(folder: Self.zonesFolder) }

    /// The drive's rights, imported into their own database.
    func rights() throws -> RightsStore {
        let database = try ParkScanDatabase(path: file("rights.sqlite"))
        if try database.writer.read({ db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM residentPermit") ?? 0 }) == 0 {
            let importer = RightsImporter(database: database, grammar: ReaderPlateGrammar())
            for kind in ["permits", "sessions", "exemptions"] { _ = try importer.importFile(atPath: drivePath + "/rights/\(kind).csv") }
        }
        return RightsStore(database: database)
    }

    /// `parkscan scan` into `database`.
    func scan(database: String) throws -> ScanSummary {
        try ScanPipeline(drive: DriveFolder(path: drivePath), zones: zones(), database: ParkScanDatabase(path: database),
                         rights: rights(), evidenceFolder: file("evidence-scan")).run()
    }

    /// A `watch --replay` session on `database` (not started).
    func watchSession(database: String, speed: Double = 0, window: ClosedRange<Date>? = nil,
                      readers: [any FrameReading]? = nil) throws -> WatchSession {
        let drive = try DriveFolder(path: drivePath)
        let configuration = WatchSession.Configuration(
            vehicle: drive.vehicle, zones: try zones(), database: try ParkScanDatabase(path: database), rights: try rights(),
            evidenceFolder: file("evidence-watch"), dropPolicy: FrameDropPolicy(blocksInsteadOfDropping: speed == 0),
            sourceDescription: drivePath)
        let readers = try readers ?? (0..<2).map { _ in try PlateFrameReader(configuration: ScanSettings().reader) }
        return WatchSession(configuration: configuration, feeds: [ReplayFeed(drive: drive, speed: speed, window: window)],
                            positioning: DrivePositioning(drive: drive), readers: readers)
    }

    /// Cases as comparable text: plate, zone, rule, first and last seen.
    static func cases(_ path: String) throws -> [String] {
        try ParkScanDatabase(path: path).writer.read { db in
            try CaseRecord.order(CaseRecord.Columns.firstSeen, CaseRecord.Columns.id).fetchAll(db)
                .map { "\($0.plate)|\($0.zone)|\($0.rule)|\($0.firstSeen.timeIntervalSince1970)|\($0.lastSeen.timeIntervalSince1970)" }
        }
    }

    /// Occupancy rows without their scan run, comparable across runs.
    static func occupancy(_ path: String) throws -> [String] {
        try ParkScanDatabase(path: path).writer.read { db in
            try ZoneOccupancyRecord.order(ZoneOccupancyRecord.Columns.granularity, ZoneOccupancyRecord.Columns.periodStart,
                                          ZoneOccupancyRecord.Columns.zone).fetchAll(db)
                .map { row in
                    var row = row
                    row.scanRun = ""
                    return "\(row)"
                }
        }
    }
}
