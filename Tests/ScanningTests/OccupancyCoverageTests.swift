import DriveInput
import Enforcement
import Foundation
import GRDB
import PlateReading
import Testing
@testable import Scanning

/// Occupancy of zones the cameras looked at and found empty.
@Suite struct OccupancyCoverageTests {
    struct NoRights: RightsLookup {
        func rights(for plateKey: String, zone: String, at date: Date) throws -> [ParkingRight] { [] }
    }

    /// A scan engine over the generated drive's zones, writing a run of `frameCount` frames to
    /// a new database in `folder`; the first zone with spaces and a point inside it.
    static func engineInAZone(folder: TemporaryFolder, frameCount: Int, rights: some RightsLookup,
                              zoneID: String? = nil) throws
        -> (engine: ScanEngine, database: ParkScanDatabase, zone: ParkingZone, position: GeoPoint) {
        let zones = try ZoneMap.load(folder: GeneratedDrive.zonesFolder)
        let zone = try #require(zones.zones.first { zoneID.map($0.id.elementsEqual) ?? ($0.capacity > 0) })
        let position = try #require(point(in: zone, of: zones))
        let database = try ParkScanDatabase(path: folder.file("scan.sqlite"))
        let run = ScanRunRecord(id: "test-run", drivePath: "none", vehicle: "test", frameCount: frameCount)
        try database.writer.write { try run.insert($0) }
        let engine = ScanEngine(run: run, zones: zones, database: database, rights: rights,
                                evidenceFolder: folder.file("evidence"), settings: ScanSettings())
        return (engine, database, zone, position)
    }

    /// A point the zone map places in `zone` (a grid over its bounding box).
    static func point(in zone: ParkingZone, of zones: ZoneMap) -> GeoPoint? {
        let box = zone.shape.boundingBox
        for i in 1..<20 {
            for j in 1..<20 {
                let point = ZonePoint(latitude: box.minLatitude + (box.maxLatitude - box.minLatitude) * Double(i) / 20,
                                      longitude: box.minLongitude + (box.maxLongitude - box.minLongitude) * Double(j) / 20)
                if zones.zone(near: point, within: 2)?.id == zone.id {
                    return GeoPoint(latitude: point.latitude, longitude: point.longitude)
                }
            }
        }
        return nil
    }

    /// An empty zone must read 0 vehicles for the pass, not keep an earlier pass's count and
    /// not be missing: the DATEX status would otherwise show it occupied.
    @Test func aZoneTheCamerasSawEmptyGetsARowWithNoVehicles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (engine, database, zone, position) = try Self.engineInAZone(folder: folder, frameCount: 3, rights: NoRights())
        let start = Date(timeIntervalSince1970: 1_762_250_400) // a Tuesday, 10:00 in Berlin
        for index in 0..<3 {
            try engine.add(FrameReads(index: index, camera: "right", cameraFrameIndex: index,
                                      time: start.addingTimeInterval(Double(index) * 0.2), framePath: "frame-\(index)",
                                      outcome: .success([]), position: position))
        }
        try engine.finish()
        let rows = try database.writer.read { db in try ZoneOccupancyRecord.fetchAll(db) }
        let passRows = rows.filter { $0.granularity == ZoneOccupancyRecord.pass }
        #expect(passRows.map(\.zone) == [zone.id])
        #expect(passRows.first?.vehicles == 0)
        #expect(passRows.first?.capacity == zone.capacity)
        #expect(passRows.first?.pass == 1)
        #expect(rows.filter { $0.granularity == ZoneOccupancyRecord.bucket }.map(\.zone) == [zone.id])
    }
}

/// A car seen twice in one pass, once unread and once surely read, is one vehicle.
@Suite struct OccupancyDuplicateTests {
    typealias F = ReadFixtures

    /// `ALF-D 7324` is exempt: the surely read car is compliant (no evidence is cut).
    struct AllExempt: RightsLookup {
        func rights(for plateKey: String, zone: String, at date: Date) throws -> [ParkingRight] {
            plateKey == "ALF-D 7324" ? [.exemption] : []
        }
    }

    @Test func anUnreadSightingOfACarReadSurelyLaterCountsOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (engine, database, zone, position) = try OccupancyCoverageTests.engineInAZone(
            folder: folder, frameCount: 12, rights: AllExempt())
        let start = Date(timeIntervalSince1970: 1_762_250_400)
        // Frames 0-1: two misreads neck and neck (unread, no right for either); frames 8-9: the
        // same car read surely.
        let texts: [Int: (String, Double)] = [0: ("ALF-O 7324", 0.3), 1: ("ALF-O 7321", 0.3), 8: ("ALF-D 7324", 0.6), 9: ("ALF-D 7324", 0.6)]
        for index in 0..<12 {
            let reads = texts[index].map { [F.read($0.0, $0.1, box: PixelBox(x: 300 + 100 * (index % 8), y: 400, width: 120, height: 30))] } ?? []
            try engine.add(FrameReads(index: index, camera: "right", cameraFrameIndex: index,
                                      time: start.addingTimeInterval(Double(index) * 0.1), framePath: "frame-\(index)",
                                      outcome: .success(reads), position: position))
        }
        try engine.finish()
        #expect(engine.run.sightings == 2)
        let rows = try database.writer.read { db in try ZoneOccupancyRecord.fetchAll(db) }
        let passRow = try #require(rows.first { $0.granularity == ZoneOccupancyRecord.pass && $0.zone == zone.id })
        #expect(passRow.vehicles == 1)
        #expect(passRow.unread == 0)
        #expect(passRow.exempt == 1)
        let bucketVehicles = rows.filter { $0.granularity == ZoneOccupancyRecord.bucket && $0.zone == zone.id }.map(\.vehicles)
        #expect(bucketVehicles.reduce(0, +) == 1)
    }
}
