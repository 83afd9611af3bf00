import DriveInput
import Enforcement
import Foundation
import GRDB
import PlateReading
import Synthesis
import Testing
@testable import Scanning

/// A small generated drive (few cars, 960x540 frames), written once per test.
struct GeneratedDrive {
    static let zonesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Zones/demo-town")

    let folder: TemporaryFolder
    let truth: DriveTruth
    var drivePath: String { folder.file("drive") }

    init(seed: UInt64 = 30, cars: Int = 8) throws {
        folder = try TemporaryFolder()
        let options = DriveOptions(cars: cars, passes: 2, minutesBetweenPasses: 12, latePassMinutes: 100,
                                   width: 960, height: 540, jpegQuality: 70, degrade: false)
        let generator = try DriveGenerator(seed: seed, options: options, zones: ZoneMap.load(folder: Self.zonesFolder))
        truth = try generator.write(to: folder.file("drive"))
    }

    /// The drive's rights imported into their own database (so that the scan database can be
    /// searched for plates).
    func rights() throws -> RightsStore {
        let database = try ParkScanDatabase(path: folder.file("rights.sqlite"))
        let importer = RightsImporter(database: database, grammar: ReaderPlateGrammar())
        for file in ["permits", "sessions", "exemptions"] {
            _ = try importer.importFile(atPath: folder.file("drive/rights/\(file).csv"))
        }
        return RightsStore(database: database)
    }

    func scan(database path: String, evidence: String, stopAfter: Int? = nil, readEveryPlate: Bool = false) throws -> ScanSummary {
        var settings = ScanSettings()
        settings.stopAfterFrames = stopAfter
        settings.surePlates.enabled = !readEveryPlate
        let pipeline = try ScanPipeline(drive: DriveFolder(path: drivePath), zones: ZoneMap.load(folder: Self.zonesFolder),
                                        database: ParkScanDatabase(path: path), rights: rights(),
                                        evidenceFolder: evidence, settings: settings)
        return try pipeline.run()
    }

    static func cases(_ path: String) throws -> [CaseRecord] {
        try ParkScanDatabase(path: path).writer.read { db in
            try CaseRecord.order(CaseRecord.Columns.id).fetchAll(db)
        }
    }
}

@Suite(.serialized) struct ScanPipelineTests {
    @Test func casesAreTrueCasesWithTheRightPlatesAndCompliantPlatesAreNowhere() throws {
        let drive = try GeneratedDrive()
        defer { drive.folder.remove() }
        let path = drive.folder.file("scan.sqlite")
        let summary = try drive.scan(database: path, evidence: drive.folder.file("evidence"))
        #expect(summary.run.completedAt != nil)
        #expect(summary.run.framesRead == drive.truth.frames.count)
        let cases = try GeneratedDrive.cases(path)
        let truthCases = Set(drive.truth.cases.map { "\($0.plate)|\($0.zone)|\($0.rule)" })
        for found in cases {
            #expect(truthCases.contains("\(found.plate)|\(found.zone)|\(found.rule)"), "case not in truth: \(found)")
            #expect(found.status == "pending_review")
        }
        // Evidence: four files per case, hashes as recorded.
        let evidence = try ParkScanDatabase(path: path).writer.read { db in try CaseEvidenceRecord.fetchAll(db) }
        #expect(evidence.count == 4 * cases.count)
        for file in evidence {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: drive.folder.file("evidence/" + file.path)))
            #expect(EvidenceFile.sha256Hex(bytes) == file.sha256)
            // The first sighting's images too are rendered (from its kept frame) when the case is raised.
            let image = try CameraFrame(encoded: [UInt8](bytes))
            if file.kind == "overview" {
                #expect(image.width == 960 && image.height == 540, "\(file.path): \(image.width)x\(image.height)")
            } else {
                #expect(image.width < 400 && image.height < 200, "\(file.path): \(image.width)x\(image.height)")
            }
        }
        // Pending first sightings keep their frame, sealed; nothing is rendered for them.
        let kept = try ParkScanDatabase(path: path).writer.read { db in
            try Row.fetchAll(db, sql: "SELECT sealedFrame IS NOT NULL AS frame, sealedOverview IS NULL AS unrendered FROM pendingSighting")
        }
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { $0["frame"] == true && $0["unrendered"] == true })
        // No compliant car's plate, in any form, in the scan database or its WAL.
        let bytes = TemporaryFolder.databaseBytes(path)
        for car in drive.truth.cars where car.hasRight {
            #expect(!bytes.contains(text: car.plate), "\(car.plate) is in the scan database")
            #expect(!bytes.contains(text: car.normalized), "\(car.normalized) is in the scan database")
        }
        #expect(!summary.occupancy.isEmpty)
    }

    /// Plates a track is sure of are not read again in its later frames (``SurePlates``), and
    /// the scan decides as one that reads every plate: same cases, pending sightings, vehicles.
    /// Reading every frame can only add reads of a plate already sure, and a noisy one among
    /// them (seed 30's `BIR-AK 244` read `AUR-AK 244` in a frame the sure scan carried) can
    /// take a sighting below the agreement a sure plate needs: a vehicle then counts as unread
    /// there instead of with its status, never the other way round.
    @Test func aSureTracksLaterFramesAreNotReadAgain() throws {
        let drive = try GeneratedDrive()
        defer { drive.folder.remove() }
        let sure = drive.folder.file("sure.sqlite"), every = drive.folder.file("every.sqlite")
        let carrying = try drive.scan(database: sure, evidence: drive.folder.file("evidence-sure"))
        let reading = try drive.scan(database: every, evidence: drive.folder.file("evidence-every"), readEveryPlate: true)
        #expect(reading.platesCarried == 0)
        #expect(carrying.platesCarried > 0)
        #expect(carrying.platesRead + carrying.platesCarried <= reading.platesRead + reading.platesRead / 20,
                "about the same plates found, fewer read")
        #expect(carrying.platesRead < reading.platesRead)
        func decided(_ path: String) throws -> [String] { try GeneratedDrive.cases(path).map { "\($0.plate)|\($0.zone)|\($0.rule)" } }
        #expect(try decided(sure) == decided(every))
        #expect(carrying.occupancy.count == reading.occupancy.count)
        for (carried, read) in zip(carrying.occupancy, reading.occupancy) {
            #expect(carried.zone == read.zone && carried.periodStart == read.periodStart && carried.pass == read.pass)
            #expect(carried.vehicles == read.vehicles && carried.capacity == read.capacity, "\(carried) vs \(read)")
            #expect(carried.unread <= read.unread, "\(carried) vs \(read)")
            let statuses = { (row: ZoneOccupancyRecord) in
                row.resident + row.paid + row.exempt + row.suspected + row.unread + row.unchecked
            }
            #expect(statuses(carried) == statuses(read), "\(carried) vs \(read)")
        }
        #expect(carrying.run.pending == reading.run.pending, "\(carrying.run) vs \(reading.run)")
        // Evidence is cut from frames the OCR read: four files per case, as ever.
        let evidence = try ParkScanDatabase(path: sure).writer.read { db in try CaseEvidenceRecord.fetchCount(db) }
        #expect(evidence == 4 * (try decided(sure).count))
    }

    @Test func anInterruptedScanRunAgainGivesTheSameResult() throws {
        let drive = try GeneratedDrive(seed: 31)
        defer { drive.folder.remove() }
        let whole = drive.folder.file("whole.sqlite"), resumed = drive.folder.file("resumed.sqlite")
        let full = try drive.scan(database: whole, evidence: drive.folder.file("evidence-whole"))
        let half = drive.truth.frames.count / 2
        let stopped = try drive.scan(database: resumed, evidence: drive.folder.file("evidence-resumed"), stopAfter: half)
        #expect(stopped.interrupted)
        let second = try drive.scan(database: resumed, evidence: drive.folder.file("evidence-resumed"), stopAfter: 7)
        #expect(second.interrupted)
        let last = try drive.scan(database: resumed, evidence: drive.folder.file("evidence-resumed"))
        #expect(!last.interrupted)
        // Once more: a finished scan is not scanned again.
        let again = try drive.scan(database: resumed, evidence: drive.folder.file("evidence-resumed"))
        #expect(again.framesThisRun == 0)

        func strip(_ cases: [CaseRecord]) -> [String] {
            cases.map { "\($0.plate)|\($0.zone)|\($0.rule)|\($0.firstSeen)|\($0.lastSeen)" }
        }
        #expect(strip(try GeneratedDrive.cases(whole)) == strip(try GeneratedDrive.cases(resumed)))
        var a = full.run, b = again.run
        a.drivePath = ""; b.drivePath = ""
        #expect(a == b)
        #expect(full.occupancy == again.occupancy)
    }
}
