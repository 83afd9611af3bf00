import Foundation
import Testing
import Enforcement

@Suite struct ZoneFileParsingTests {
    @Test func everyPropertyIsRead() throws {
        let properties = #"""
            "id": "roe-w-2", "name": "Römerstraße 29-45", "kind": "time-limited",
            "hours": "Mo-Fr 08:00-18:00; Sa 08:00-13:00", "maxStayMinutes": 120, "parkingDisc": true,
            "graceMinutes": 5, "capacity": 16, "permitAreas": ["W1", "W2"], "confirmationMinutes": 12,
            "side": "left", "street": "Römerstraße", "osm:parking:left": "lane"
            """#
        let map = try ZoneJSON.map([ZoneJSON.feature(properties)])
        let zone = try #require(map.zone(id: "roe-w-2"))
        #expect(zone.name == "Römerstraße 29-45")
        #expect(zone.kind == .timeLimited)
        #expect(zone.hours.text == "Mo-Fr 08:00-18:00; Sa 08:00-13:00")
        #expect(zone.hours.isActive(at: berlin("2025-06-07 12:00")))
        #expect(zone.maxStayMinutes == 120)
        #expect(zone.parkingDisc)
        #expect(zone.graceMinutes == 5)
        #expect(zone.capacity == 16)
        #expect(zone.permitAreas == ["W1", "W2"])
        #expect(zone.confirmationMinutes == 12)
        #expect(zone.side == .left)
        #expect(zone.street == "Römerstraße")
        #expect(zone.source == ZoneSource(file: "test.geojson", featureIndex: 0))
        #expect(zone.shape.polygons.count == 1)
        #expect(zone.shape.polygons[0].outer.count == 5)
    }

    @Test func optionalPropertiesHaveDefaults() throws {
        let map = try ZoneJSON.map([ZoneJSON.feature(ZoneJSON.paid("p1"))])
        let zone = try #require(map.zone(id: "p1"))
        #expect(zone.kind == .paid)
        #expect(zone.maxStayMinutes == nil)
        #expect(!zone.parkingDisc)
        #expect(zone.graceMinutes == 0)
        #expect(zone.permitAreas.isEmpty)
        #expect(zone.confirmationMinutes == 10)
        #expect(zone.side == nil)
        #expect(zone.street == nil)
    }

    @Test func everyKindIsRead() throws {
        let kinds: [(String, ZoneKind, String)] = [
            ("paid", .paid, ""),
            ("resident", .resident, #", "permitAreas": ["W1"]"#),
            ("mixed", .mixed, #", "permitAreas": ["W1"]"#),
            ("time-limited", .timeLimited, #", "maxStayMinutes": 60"#),
            ("no-parking", .noParking, ""),
        ]
        let features = kinds.map { text, _, extra in
            ZoneJSON.feature(#""id": "\#(text)", "name": "n", "kind": "\#(text)", "hours": "24/7", "capacity": 0\#(extra)"#)
        }
        let map = try ZoneJSON.map(features)
        for (text, kind, _) in kinds {
            #expect(map.zone(id: text)?.kind == kind)
        }
    }

    @Test func multiPolygonAndHolesAreRead() throws {
        let coordinates = """
            [[[[8.0, 49.0], [8.001, 49.0], [8.001, 49.001], [8.0, 49.001], [8.0, 49.0]],
              [[8.0004, 49.0004], [8.0004, 49.0006], [8.0006, 49.0006], [8.0006, 49.0004], [8.0004, 49.0004]]],
             [[[8.002, 49.0], [8.003, 49.0], [8.003, 49.001], [8.002, 49.0], [8.002, 49.0]]]]
            """
        let map = try ZoneJSON.map([ZoneJSON.feature(ZoneJSON.paid("m"), type: "MultiPolygon", coordinates: coordinates)])
        let zone = try #require(map.zone(id: "m"))
        #expect(zone.shape.polygons.count == 2)
        #expect(zone.shape.polygons[0].holes.count == 1)
        #expect(zone.shape.boundingBox.maxLongitude == 8.003)
    }

    @Test func filesOfAFolderAreReadInNameOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zones-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try ZoneJSON.collection([ZoneJSON.feature(ZoneJSON.paid("b"))]).write(to: folder.appendingPathComponent("b.geojson"))
        try ZoneJSON.collection([ZoneJSON.feature(ZoneJSON.paid("a"))]).write(to: folder.appendingPathComponent("a.geojson"))
        try Data("not a zone file".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let map = try ZoneMap.load(folder: folder)
        #expect(map.zones.map(\.id) == ["a", "b"])
    }
}
