import Enforcement
import Foundation
import OccupancyExport
import Testing

@Suite struct GeoJSONAndCSVTests {
    @Test func geoJSONHasEveryZoneWithGeometryAndOccupancy() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        try fixture.commitPass(number: 1, start: november4(9, 0), end: november4(9, 5), vehicles: ["roe-w-1": 15], suspected: ["roe-w-1": 2])
        let text = try fixture.exporter.render(.geojson, query: OccupancyQuery(), publicationTime: Date())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "FeatureCollection")
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == fixture.map.zones.count)
        let roe = try #require(features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "roe-w-1" })
        let properties = try #require(roe["properties"] as? [String: Any])
        #expect(properties["vehicles"] as? Int == 15)
        #expect(properties["vacantSpaces"] as? Int == 15)
        #expect(properties["occupancyPercent"] as? Double == 50)
        #expect(properties["status"] as? String == "spacesAvailable")
        #expect(properties["suspected"] as? Int == 2)
        #expect(properties["meanDwellMinutes"] as? Double == 20)
        #expect(properties["lastUpdated"] as? String == "2025-11-04T09:05:00+01:00")
        let geometry = try #require(roe["geometry"] as? [String: Any])
        #expect(["Polygon", "MultiPolygon"].contains(geometry["type"] as? String))
        // The Wilhelmsplatz has a hole (the kiosk) and no count yet.
        let wil = try #require(features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "wil-1" })
        let rings = try #require((wil["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])
        #expect(rings.count == 2)
        #expect(rings[0][0][0] > 8 && rings[0][0][1] > 49, "GeoJSON positions are [longitude, latitude]")
        #expect((wil["properties"] as? [String: Any])?["vehicles"] is NSNull)
        #expect((wil["properties"] as? [String: Any])?["status"] as? String == "unknown")
    }

    @Test func csvHasOneRowPerZoneAndBucketQuotedPerRFC4180() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        try fixture.commitPass(number: 1, start: november4(9, 0), end: november4(9, 5), vehicles: ["roe-w-1": 15, "dan-w-1": 3])
        try fixture.commitPass(number: 2, start: november4(9, 20), end: november4(9, 25), vehicles: ["roe-w-1": 16])
        // A second scan run counting the same bucket: the fuller count is kept, not added.
        try fixture.commitPass(scanRun: "run-2", number: 1, start: november4(9, 1), end: november4(9, 4), vehicles: ["roe-w-1": 14])
        let text = try fixture.exporter.render(.csv, query: OccupancyQuery(), publicationTime: Date())
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == OccupancyCSV.header.joined(separator: ","))
        #expect(lines.count == 4)
        let roeName = try #require(fixture.map.zone(id: "roe-w-1")).name
        let expectedName = roeName.contains(",") ? "\"\(roeName)\"" : roeName
        #expect(lines.contains { $0.hasPrefix("roe-w-1,\(expectedName),") && $0.contains(",2025-11-04T09:00:00+01:00,2025-11-04T09:15:00+01:00,30,15,50,") })
        #expect(lines.contains { $0.hasPrefix("roe-w-1,") && $0.contains(",2025-11-04T09:15:00+01:00,2025-11-04T09:30:00+01:00,30,16,") })
        let untilNine = try fixture.exporter.render(.csv, query: OccupancyQuery(at: november4(9, 15), zoneIDs: ["dan-w-1"]), publicationTime: Date())
        #expect(untilNine.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        #expect(OccupancyCSV.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }
}
