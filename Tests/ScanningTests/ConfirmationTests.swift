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

    /// A scan of `passes` (each a list of reads, one per frame; passes 40 minutes apart) in a
    /// zone of the generated drive's map, into a new database in `folder`.
    static func scan(_ passes: [[(String, Double)]], rights: some RightsLookup = OccupancyCoverageTests.NoRights(),
                     folder: TemporaryFolder) throws -> (engine: ScanEngine, database: ParkScanDatabase, zone: ParkingZone) {
        let frameCount = passes.map { $0.count + 2 }.reduce(0, +)
        let (engine, database, zone, position) = try OccupancyCoverageTests.engineInAZone(
            folder: folder, frameCount: frameCount, rights: rights)
        let start = Date(timeIntervalSince1970: 1_762_250_400) // a Tuesday, 10:00 in Berlin
        var index = 0
        for (pass, reads) in passes.enumerated() {
            // Two empty frames after the reads close the car's track.
            for (frame, read) in (reads.map(Optional.some) + [nil, nil]).enumerated() {
                let box = PixelBox(x: 300 + 100 * frame, y: 400, width: 120, height: 30)
                try engine.add(FrameReads(
                    index: index, camera: "right", cameraFrameIndex: index,
                    time: start.addingTimeInterval(Double(pass) * 2400 + Double(frame) * 0.1), framePath: "frame-\(index)",
                    image: Self.frame, outcome: .success(read.map { [F.read($0.0, $0.1, box: box)] } ?? []), position: position))
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
