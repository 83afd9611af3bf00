import Enforcement
import Foundation
import OccupancyExport
import Testing

@Suite struct DatexPublicationTests {
    @Test func tableAndStatusValidateAgainstTheDatexSchemas() throws {
        if let reason = SchemaValidation.unavailableReason {
            print(reason)
            return
        }
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        try fixture.commitPass(number: 1, start: november4(9, 0), end: november4(9, 5),
                               vehicles: ["roe-o-1": 30, "dan-w-1": 32, "dan-o-2": 3, "dan-o-1": 1], suspected: ["dan-w-1": 2])
        let publishedAt = november4(10, 0)
        for format in [OccupancyExportFormat.datexTable, .datexStatus] {
            let xml = try fixture.exporter.render(format, query: OccupancyQuery(), publicationTime: publishedAt)
            let result = try SchemaValidation.run(xml)
            #expect(result.status == 0, "\(format.rawValue) does not validate:\n\(result.output)")
        }
        // One zone, and a zone no pass has counted (published as unknown with a fault).
        let one = try fixture.exporter.render(.datexStatus, query: OccupancyQuery(zoneIDs: ["wil-1"]), publicationTime: publishedAt)
        #expect(one.contains("<prk:status>unknown</prk:status>"))
        #expect(try SchemaValidation.run(one).status == 0)
    }

    @Test func namesWithMarkupAreEscapedAndStillValid() throws {
        let demo = try OccupancyFixture.demoTown()
        let original = demo.zones[0]
        let tricky = ParkingZone(id: "a&b<\"c\">'d", name: "Straße <1> & \"2\" 'drei' \u{1}", kind: original.kind,
                                 hours: original.hours, capacity: original.capacity, permitAreas: original.permitAreas,
                                 shape: original.shape)
        let map = try ZoneMap(zones: [tricky])
        let xml = try DatexTablePublication(map: map).xml(publicationTime: november4(10, 0))
        #expect(xml.contains("id=\"a&amp;b&lt;&quot;c&quot;&gt;&apos;d\""))
        #expect(xml.contains("Straße &lt;1&gt; &amp; &quot;2&quot; &apos;drei&apos; </com:value>"))
        let wellFormed = try SchemaValidation.run(xml, schema: SchemaValidation.unavailableReason == nil)
        #expect(wellFormed.status == 0, "\(wellFormed.output)")
    }

    @Test func statusReferencesTheTableByIdAndVersion() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        try fixture.commitPass(number: 1, start: november4(9, 0), end: november4(9, 5), vehicles: ["roe-o-1": 3])
        let table = DatexTablePublication(map: fixture.map)
        let tableXML = try table.xml(publicationTime: november4(10, 0))
        let status = try fixture.exporter.render(.datexStatus, query: OccupancyQuery(), publicationTime: november4(10, 0))
        #expect(tableXML.contains("<prk:parkingTable id=\"parkscan-onstreet\" version=\"\(table.version)\">"))
        #expect(status.contains("<prk:parkingTableReference id=\"parkscan-onstreet\" version=\"\(table.version)\" targetClass=\"prk:ParkingTable\"/>"))
        for zone in fixture.map.zones where zone.kind != .noParking {
            let version = ZoneVersion.of(zone)
            #expect(tableXML.contains("xsi:type=\"prk:Place\" id=\"\(zone.id)\" version=\"\(version)\""))
            #expect(status.contains("<fac:reference id=\"\(zone.id)\" version=\"\(version)\" targetClass=\"fac:FacilityObject\"/>"))
        }
        // No-parking zones are not parking places.
        #expect(!tableXML.contains("id=\"dan-o-1\""))
        #expect(!status.contains("id=\"dan-o-1\""))
    }

    @Test func tableVersionChangesWithTheZoneMapOnly() throws {
        let demo = try OccupancyFixture.demoTown()
        let again = try OccupancyFixture.demoTown()
        #expect(ZoneVersion.ofTable(demo) == ZoneVersion.ofTable(again))
        var zones = demo.zones
        let first = zones[0]
        zones[0] = ParkingZone(id: first.id, name: first.name, kind: first.kind, hours: first.hours,
                               maxStayMinutes: first.maxStayMinutes, parkingDisc: first.parkingDisc,
                               graceMinutes: first.graceMinutes, capacity: first.capacity + 1,
                               permitAreas: first.permitAreas, confirmationMinutes: first.confirmationMinutes,
                               side: first.side, street: first.street, shape: first.shape, source: first.source)
        let changed = try ZoneMap(zones: zones)
        #expect(ZoneVersion.ofTable(changed) != ZoneVersion.ofTable(demo))
        #expect(ZoneVersion.of(zones[0]) != ZoneVersion.of(first))
        #expect(ZoneVersion.of(zones[1]) == ZoneVersion.of(demo.zones[1]))
    }

    @Test func statusCarriesOccupancyVacancyAndLevel() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        // Demo town: roe-w-1 has 30 spaces, dan-w-1 32.
        try fixture.commitPass(number: 1, start: november4(9, 0), end: november4(9, 5), vehicles: ["roe-w-1": 27, "dan-w-1": 33])
        let status = try fixture.exporter.render(.datexStatus, query: OccupancyQuery(zoneIDs: ["roe-w-1", "dan-w-1"]),
                                                 publicationTime: november4(10, 0))
        #expect(status.contains("<com:publicationTime>2025-11-04T10:00:00+01:00</com:publicationTime>"))
        let roe = try section(of: status, zone: "roe-w-1")
        #expect(roe.contains("<fac:lastUpdated>2025-11-04T09:05:00+01:00</fac:lastUpdated>"))
        #expect(roe.contains("<prk:numberOfVacantSpaces>3</prk:numberOfVacantSpaces>"))
        #expect(roe.contains("<prk:numberOfOccupiedSpaces>27</prk:numberOfOccupiedSpaces>"))
        #expect(roe.contains("<prk:occupancy>90</prk:occupancy>"))
        #expect(roe.contains("<prk:status>almostFull</prk:status>"))
        let dan = try section(of: status, zone: "dan-w-1")
        #expect(dan.contains("<prk:numberOfVacantSpaces>0</prk:numberOfVacantSpaces>"))
        #expect(dan.contains("<prk:numberOfOccupiedSpaces>32</prk:numberOfOccupiedSpaces>"))
        #expect(dan.contains("<prk:numberOfVehicles>33</prk:numberOfVehicles>"))
        #expect(dan.contains("<prk:occupancy>100</prk:occupancy>"))
        #expect(dan.contains("<prk:status>full</prk:status>"))
        // Only the zones asked for.
        #expect(!status.contains("id=\"roe-o-1\""))
    }

    @Test func occupancyLevelThresholds() {
        let zone = ParkingZone(id: "z", name: "z", kind: .paid, hours: .always, capacity: 20,
                               shape: ZoneShape(polygons: [ZonePolygon(outer: [
                                   ZonePoint(latitude: 0, longitude: 0), ZonePoint(latitude: 0, longitude: 1),
                                   ZonePoint(latitude: 1, longitude: 1), ZonePoint(latitude: 0, longitude: 0)])]))
        func level(_ vehicles: Int?) -> OccupancyLevel {
            ZoneOccupancy(zone: zone, observation: vehicles.map {
                ZoneObservation(scanRun: "r", pass: 1, periodStart: Date(), periodEnd: Date(), counts: VehicleCounts(vehicles: $0))
            }).level()
        }
        #expect(level(nil) == .unknown)
        #expect(level(0) == .spacesAvailable)
        #expect(level(17) == .spacesAvailable)
        #expect(level(18) == .almostFull)
        #expect(level(20) == .full)
        #expect(level(25) == .full)
    }

    @Test func onlyNoParkingZonesIsAnError() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        #expect(throws: OccupancyExportError.noParkingPlaces(["dan-o-1"])) {
            try fixture.exporter.render(.datexStatus, query: OccupancyQuery(zoneIDs: ["dan-o-1"]), publicationTime: Date())
        }
    }

    /// The `<prk:parkingStatusInformation>` element of `zone`.
    private func section(of xml: String, zone: String) throws -> Substring {
        let start = try #require(xml.range(of: "<fac:reference id=\"\(zone)\""))
        let end = try #require(xml.range(of: "</prk:parkingStatusInformation>", range: start.upperBound..<xml.endIndex))
        return xml[start.lowerBound..<end.lowerBound]
    }
}
