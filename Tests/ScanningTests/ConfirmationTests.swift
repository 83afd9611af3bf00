import DriveInput
import Enforcement
import Foundation
import PlateReading
import TestSupport
import Testing
@testable import Scanning

/// Sightings not sure enough on their own (``ReadCertainty``) make a case with a sure sighting
/// of exactly their plate in either order, never with each other.
@Suite struct ConfirmationTests {
    typealias F = ReadFixtures

    /// A grey 1920x1080 frame: what the evidence of a pending sighting is cut from.
    static let frame: FrameImage = {
        let width = 1920, height = 1080
        let pixels = [UInt8](repeating: 128, count: width * height * 3)
        let frame = try! CameraFrame(packedBGR: pixels, width: width, height: height)
        return .pixels(frame)
    }()

    /// The second pass's reads of `M-XY 4321`: half of them read it, a little surer than the
    /// other half read `M-XV 4321`.
    static let doubtfulReads: [(String, Double)] = [
        ("M-XY 4321", 0.6), ("M-XV 4321", 0.55), ("M-XY 4321", 0.5), ("M-XV 4321", 0.5),
    ]

    /// A scan of `passes` (each a list of reads, one per frame; passes `minutesApart`) in a zone
    /// of the generated drive's map (`zoneID`, or the first with spaces), into a new database
    /// in `folder`.
    static func scan(_ passes: [[(String, Double)]], rights: some RightsLookup = OccupancyCoverageTests.NoRights(),
                     zoneID: String? = nil, minutesApart: Double = 40, folder: TemporaryFolder) throws
        -> (engine: ScanEngine, database: ParkScanDatabase, zone: ParkingZone) {
        try scan(passes.map { $0.map { F.read($0.0, $0.1, box: .init(x: 0, y: 0, width: 0, height: 0)) } }, rights: rights,
                 zoneID: zoneID, minutesApart: minutesApart, folder: folder)
    }

    /// As above with whole reads (their boxes are replaced by the frame's).
    static func scan(_ passes: [[PlateRead]], rights: some RightsLookup = OccupancyCoverageTests.NoRights(),
                     zoneID: String? = nil, minutesApart: Double = 40, folder: TemporaryFolder) throws
        -> (engine: ScanEngine, database: ParkScanDatabase, zone: ParkingZone) {
        let frameCount = passes.map { $0.count + 2 }.reduce(0, +)
        let (engine, database, zone, position) = try OccupancyCoverageTests.engineInAZone(
            folder: folder, frameCount: frameCount, rights: rights, zoneID: zoneID)
        let start = Date(timeIntervalSince1970: 1_762_250_400) // a Tuesday, 10:00 in Berlin
        var index = 0
        for (pass, reads) in passes.enumerated() {
            // Two empty frames after the reads close the car's track.
            for (frame, read) in (reads.map(Optional.some) + [nil, nil]).enumerated() {
                let box = PixelBox(x: 300 + 100 * frame, y: 400, width: 120, height: 30)
                let placed = read.map { read -> PlateRead in
                    var read = read
                    read.box = box
                    return read
                }
                try engine.add(FrameReads(
                    index: index, camera: "right", cameraFrameIndex: index,
                    time: start.addingTimeInterval(Double(pass) * minutesApart * 60 + Double(frame) * 0.1), framePath: "frame-\(index)",
                    image: Self.frame, outcome: .success(placed.map { [$0] } ?? []), position: position))
                index += 1
            }
        }
        try engine.finish()
        return (engine, database, zone)
    }

    static let sureReads: [(String, Double)] = [("M-XY 4321", 0.6), ("M-XY 4321", 0.6)]

    @Test func theDoubtfulReadsAreNotSureButConfirm() throws {
        let box = PixelBox(x: 300, y: 400, width: 120, height: 30)
        let fused = FusedPlate(fusing: Self.doubtfulReads.map { F.read($0.0, $0.1, box: box) })
        #expect(fused.text == "M-XY 4321")
        #expect(!ScanSettings().certainty.accepts(fused))
        #expect(ScanSettings().confirmation.accepts(fused))
    }

    @Test func aDoubtfulLaterSightingOfAPendingPlateRaisesTheCase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let engine = try Self.scan([Self.sureReads, Self.doubtfulReads], folder: folder).engine
        #expect(engine.run.pending == 1)
        #expect(engine.run.cases == 1, "run: \(engine.run)")
    }

    @Test func aDoubtfulSightingAloneIsKeptOnlyAsConfirmable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (engine, database, zone) = try Self.scan([Self.doubtfulReads], folder: folder)
        #expect(engine.run.cases == 0)
        #expect(engine.run.unread == 1)
        let kept = try database.writer.read { db in try PendingStore.find(plateKey: "M-XY 4321", zone: zone.id, in: db) }
        #expect(kept?.details.isSure == false)
    }

    @Test func aDoubtfulFirstSightingIsConfirmedByASureLaterOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let engine = try Self.scan([Self.doubtfulReads, Self.sureReads], folder: folder).engine
        #expect(engine.run.cases == 1, "run: \(engine.run)")
    }

    /// A pass of `M-XY 4321` whose reads scatter: one read in five has it as its best, the
    /// others each a different misreading with `M-XY 4321` as their runner-up.
    static let scatteredReads: [PlateRead] = {
        let box = PixelBox(x: 300, y: 400, width: 120, height: 30)
        return [F.read("M-XY 4321", 0.7, box: box)] + ["M-XV 4321", "M-KY 4321", "M-XY 4327", "N-XY 4321"].map {
            F.read($0, 0.3, box: box, alternatives: [F.hypothesis("M-XY 4321", 0.25)])
        }
    }()

    @Test func scatteredReadsThatLeadWideConfirm() throws {
        let fused = FusedPlate(fusing: Self.scatteredReads)
        #expect(fused.text == "M-XY 4321")
        #expect(fused.agreement < ReadCertainty.confirming.minimumAgreement)
        #expect(!ScanSettings().certainty.accepts(fused))
        #expect(ScanSettings().confirmation.accepts(fused))
    }

    @Test func aScatteredLaterSightingOfASurePendingPlateRaisesTheCase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sure = Self.sureReads.map { F.read($0.0, $0.1, box: .init(x: 0, y: 0, width: 0, height: 0)) }
        let engine = try Self.scan([sure, Self.scatteredReads], folder: folder).engine
        #expect(engine.run.cases == 1, "run: \(engine.run)")
    }

    /// Doubtful in the first pass, sure in the second while the car may still stay (a 60-minute
    /// limit by parking disc: 11:30 for an 11:00 arrival; passes 50 minutes apart), doubtful in
    /// the third: the sure sighting confirmed the first one, so the third raises the case.
    @Test func aFirstSightingConfirmedByASureOneIsSureForTheNext() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (engine, _, zone) = try Self.scan([Self.doubtfulReads, Self.sureReads, Self.doubtfulReads], zoneID: "kls-n-1",
                                              minutesApart: 50, folder: folder)
        #expect(zone.maxStayMinutes == 60)
        #expect(engine.run.cases == 1, "run: \(engine.run)")
    }

    /// A pass of `AW-IN 33` in which the narrow `I` was lost in three reads of five: fused,
    /// `AW-N 33` (0.44) leads `AW-IN 33` (0.31), best in two reads (seed 13's drive).
    static let lostCharacterReads: [PlateRead] = {
        let box = PixelBox(x: 300, y: 400, width: 120, height: 30)
        return [
            F.read("AW-IN 33", 0.77, box: box, alternatives: [F.hypothesis("AW-N 33", 0.4)]),
            F.read("AW-IN 33", 0.76, box: box, alternatives: [F.hypothesis("AW-N 33", 0.58)]),
            F.read("AW-KN 33", 0.63, box: box, alternatives: [F.hypothesis("AW-N 33", 0.59)]),
            F.read("AW-N 33", 0.64, box: box, alternatives: [F.hypothesis("AW-W 33", 0.59)]),
            F.read("AW-W 39", 0.57, box: box),
        ]
    }()

    @Test func aWinnerThatLostACharacterConfirmsOnlyAsItsRunnerUp() throws {
        let fused = FusedPlate(fusing: Self.lostCharacterReads)
        #expect(fused.text == "AW-N 33")
        #expect(!ScanSettings().confirmation.accepts(fused))
        let restored = FusedPlate(fusing: Self.lostCharacterReads, winner: "AW-IN 33")
        #expect(restored.text == "AW-IN 33")
        #expect(restored.alternatives.first?.text == "AW-N 33")
        #expect(ScanSettings().confirmation.accepts(restored))
    }

    @Test func aFirstSightingThatLostACharacterIsConfirmedByASureOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sure = [("AW-IN 33", 0.6), ("AW-IN 33", 0.6)].map { F.read($0.0, $0.1, box: .init(x: 0, y: 0, width: 0, height: 0)) }
        let engine = try Self.scan([Self.lostCharacterReads, sure], folder: folder).engine
        #expect(engine.run.cases == 1, "run: \(engine.run)")
        // Without the sure sighting the plate with its character restored makes nothing.
        let alone = try TemporaryFolder()
        defer { alone.remove() }
        let twice = try Self.scan([Self.lostCharacterReads, Self.lostCharacterReads], folder: alone).engine
        #expect(twice.run.cases == 0)
    }

    @Test func twoDoubtfulSightingsMakeNoCase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let engine = try Self.scan([Self.doubtfulReads, Self.doubtfulReads], folder: folder).engine
        #expect(engine.run.cases == 0)
        #expect(engine.run.unread == 2)
    }

    /// A doubtful sighting of a plate one of whose likely readings has a permit keeps nothing.
    @Test func aDoubtfulSightingWithAPossibleRightIsNotKept() throws {
        struct PermitForTheRunnerUp: RightsLookup {
            func rights(for plateKey: String, zone: String, at date: Date) throws -> [ParkingRight] {
                plateKey == "M-XV 4321" ? [.exemption] : []
            }
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (engine, database, _) = try Self.scan([Self.doubtfulReads], rights: PermitForTheRunnerUp(), folder: folder)
        #expect(engine.run.pending == 0)
        #expect(try database.writer.read { db in try PendingStore.count(in: db) } == 0)
    }
}
