import Foundation
import Testing
import Enforcement

@Suite struct DemoTownTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Zones/demo-town")
    let frame = LocalFrame()

    @Test func demoTownLoadsWithAtLeastTwoZonesOfEachKind() throws {
        let map = try ZoneMap.load(folder: Self.folder)
        for kind in ZoneKind.allCases {
            #expect(map.zones.filter { $0.kind == kind }.count >= 2, "\(kind)")
        }
        #expect(Set(map.zones.map(\.id)).count == map.zones.count)
        #expect(Set(map.zones.flatMap(\.permitAreas)) == ["W1", "W2"])
        for zone in map.zones where zone.kind != .noParking {
            // About one car per 5.5 m of kerb.
            let spacesByArea = zone.shape.areaSquareMetres / (5.5 * 2.5)
            #expect(zone.capacity > 0 && Double(zone.capacity) <= spacesByArea + 1, "\(zone.id)")
        }
    }

    @Test func demoStreetSidesAreTheirOwnZones() throws {
        let map = try ZoneMap.load(folder: Self.folder)
        // Römerstraße runs north at x = 0: east kerb resident, west kerb resident with a
        // driveway gap at 95-105 m.
        #expect(map.zone(containing: frame.point(x: 4.75, y: 60))?.id == "roe-o-1")
        #expect(map.zone(containing: frame.point(x: -4.75, y: 60))?.id == "roe-w-1")
        #expect(map.zone(containing: frame.point(x: -4.75, y: 100)) == nil)
        #expect(map.zone(containing: frame.point(x: 0, y: 60)) == nil)
        // Further north the two sides differ in kind.
        #expect(map.zone(containing: frame.point(x: 4.75, y: 250))?.kind == .mixed)
        #expect(map.zone(containing: frame.point(x: -4.75, y: 250))?.kind == .timeLimited)
        // Kleinschmidtstraße runs east at y = 200: south kerb paid, north kerb time-limited.
        #expect(map.zone(containing: frame.point(x: 50, y: 195.25))?.id == "kls-s-1")
        #expect(map.zone(containing: frame.point(x: 50, y: 204.75))?.id == "kls-n-1")
        // Wilhelmsplatz has a kiosk in the middle.
        #expect(map.zone(containing: frame.point(x: 325, y: 155))?.id == "wil-1")
        #expect(map.zone(containing: frame.point(x: 340, y: 165)) == nil)
    }
}
