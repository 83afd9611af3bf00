import ArgumentParser
import DriveInput
import Enforcement
import Foundation
import GRDB
import PlateReading
import Scanning

/// `parkscan bench scan DRIVE`: scans a generated drive into a temporary database and scores
/// it against the drive's `truth.json`.
struct BenchScan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan a generated drive (with truth.json) and score cases, occupancy and speed.",
        discussion: """
            Imports DRIVE/rights/*.csv into a temporary database, scans the drive into it and \
            prints: case precision (cases whose plate, zone and rule are a true case) and \
            recall (true cases found), the mean and maximum occupancy error per zone and pass \
            (|counted - true vehicles| / capacity, percentage points), the vehicles counted \
            against those parked over all zones and passes, frames per second and peak \
            resident memory. With --verbose also the missed and false cases and the zone-passes \
            counted more than 2 points off.
            """
    )

    @Argument(help: "A drive folder made by parkscan-synth drive.")
    var drive: String

    @Option(help: "The zone map folder.")
    var zones = "Zones/demo-town"

    @Option(help: "Reader threads.")
    var workers = 2

    @Option(help: "Keep the database and evidence in this folder instead of a temporary one.")
    var keep: String?

    @Option(help: "Write one JSON line per sighting (reads, fused plate, zone, outcome) to this file.")
    var sightings: String?

    @Flag(help: "List every missed and every false case.")
    var verbose = false

    @OptionGroup var reader: ReaderOptions

    @Flag(help: "Read every plate in every frame, also plates a track is already sure of (slower; for comparisons).")
    var readEveryPlate = false

    func run() throws {
        let truthURL = URL(fileURLWithPath: drive).appendingPathComponent("truth.json")
        guard FileManager.default.isReadableFile(atPath: truthURL.path) else { throw CommandFailure("\(truthURL.path): missing") }
        let folder = keep ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("parkscan-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let dbPath = (folder as NSString).appendingPathComponent("scan.sqlite")
        try? FileManager.default.removeItem(atPath: dbPath)
        let store = try ParkScanDatabase(path: dbPath)
        let importer = RightsImporter(database: store, grammar: ReaderPlateGrammar())
        for kind in ["permits", "sessions", "exemptions"] {
            let file = (drive as NSString).appendingPathComponent("rights/\(kind).csv")
            if FileManager.default.fileExists(atPath: file) { _ = try importer.importFile(atPath: file) }
        }
        let zoneMap: ZoneMap
        do { zoneMap = try ZoneMap.load(folder: URL(fileURLWithPath: zones)) } catch { throw CommandFailure(error.description) }
        let driveFolder: DriveFolder
        do { driveFolder = try DriveFolder(path: drive) } catch { throw CommandFailure(error.description) }
        var settings = ScanSettings()
        settings.reader = reader.configuration
        settings.workers = workers
        settings.surePlates.enabled = !readEveryPlate
        let pipeline = ScanPipeline(drive: driveFolder, zones: zoneMap, database: store, rights: RightsStore(database: store),
                                    evidenceFolder: (folder as NSString).appendingPathComponent("evidence"), settings: settings)
        let log = ScanLog()
        pipeline.progress = { log.progress($0) }
        if let sightings {
            let file = try SightingAuditFile(path: sightings)
            pipeline.audit = { file.write(track: $0, sighting: $1, outcome: $2) }
        }
        let summary = try pipeline.run()
        log.finish()
        // Parsed after the scan: the truth of a long drive (every frame's plates) takes tens of
        // MB, which the scan's peak memory must not include.
        guard let truth = try? JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as? [String: Any] else {
            throw CommandFailure("\(truthURL.path): not JSON")
        }

        let cases = try store.writer.read { db in try CaseRecord.fetchAll(db) }
        // German plates compare in their split form; foreign ones by letters and digits (the
        // rights key), since truth writes `VX258RE` and `NK830D` where the reader writes the
        // layouts `VX 258RE` and `NK-830-D`.
        let key = { (plate: String) in GermanPlate(canonical: plate) != nil ? plate : plate.filter { $0.isLetter || $0.isNumber } }
        let trueCases = (truth["cases"] as? [[String: Any]] ?? []).map {
            "\(key($0["plate"] as? String ?? ""))|\($0["zone"] as? String ?? "")|\($0["rule"] as? String ?? "")"
        }
        let found = cases.map { "\(key($0.plate))|\($0.zone)|\($0.rule)" }
        let correct = found.filter { trueCases.contains($0) }.count
        let recalled = Set(trueCases).filter { found.contains($0) }.count
        // Occupancy: every (pass, zone) of the truth against the scan's pass rows.
        var ours: [String: Int] = [:]
        for row in summary.occupancy { ours["\(row.pass ?? 0)|\(row.zone)"] = row.vehicles }
        var errors: [Double] = []
        var seenErrors: [Double] = []
        var totals = (counted: 0, parked: 0)
        var offByMore: [String] = []
        for row in truth["occupancy"] as? [[String: Any]] ?? [] {
            guard let pass = row["pass"] as? Int, let zone = row["zone"] as? String, let capacity = row["capacity"] as? Int,
                  capacity > 0, let vehicles = row["vehicles"] as? Int, let seen = row["seen"] as? Int else { continue }
            let counted = ours["\(pass)|\(zone)"] ?? 0
            let error = 100 * Double(abs(counted - vehicles)) / Double(capacity)
            errors.append(error)
            totals.counted += counted
            totals.parked += vehicles
            if error > 2 {
                offByMore.append("pass \(pass) zone \(zone): \(counted) counted, \(vehicles) parked, \(capacity) spaces")
            }
            seenErrors.append(100 * Double(abs(counted - seen)) / Double(capacity))
        }
        let mean = { (values: [Double]) in values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        let run = summary.run
        print("drive            \(drive): \(run.framesRead) frames, \(run.passCount) passes")
        print(String(format: "cases            %d found, %d true: precision %.1f %% (%d/%d), recall %.1f %% (%d/%d)",
                     cases.count, trueCases.count, cases.isEmpty ? 100.0 : 100.0 * Double(correct) / Double(cases.count), correct,
                     cases.count, trueCases.isEmpty ? 100.0 : 100.0 * Double(recalled) / Double(trueCases.count), recalled, trueCases.count))
        print("sightings        \(run.sightings): compliant \(run.compliant), pending \(run.pending), unread \(run.unread), unlocated \(run.unlocated), not enforced \(run.notEnforced)")
        print(String(format: "occupancy error  vs parked: mean %.1f, max %.1f points; vs seen: mean %.1f, max %.1f points (%d zone-passes)",
                     mean(errors), errors.max() ?? 0, mean(seenErrors), seenErrors.max() ?? 0, errors.count))
        print(String(format: "occupancy count  %d counted, %d parked over all zone-passes (%+.1f %%)", totals.counted, totals.parked,
                     totals.parked == 0 ? 0 : 100 * Double(totals.counted - totals.parked) / Double(totals.parked)))
        print(String(format: "speed            %.1f frames/s (%d frames in %.1f s, %d workers)", summary.framesPerSecond,
                     summary.framesThisRun, summary.elapsed, workers))
        print("plates           \(summary.platesRead) read by the OCR, \(summary.platesCarried) carried over from sure tracks")
        print("peak memory      \(summary.peakResidentBytes >> 20) MB resident")
        if verbose {
            for miss in Set(trueCases).subtracting(found).sorted() { print("missed  \(miss)") }
            for wrong in found where !trueCases.contains(wrong) { print("false   \(wrong)") }
            for row in offByMore { print("counted \(row)") }
        }
    }
}
