import Foundation
import Testing
import Enforcement

@Suite struct ZoneLookupTests {
    let frame = LocalFrame()

    /// A north-south street at x = 0 (carriageway ±3.5 m) with a 2.5 m parking strip on
    /// each kerb: east = right of the northward digitised direction.
    func street() throws -> ZoneMap {
        try ZoneJSON.map([
            ZoneJSON.feature(ZoneJSON.paid("east") + #", "side": "right""#,
                             coordinates: "[\(frame.rectangle(3.5, 0, 6.0, 100))]"),
            ZoneJSON.feature(ZoneJSON.paid("west") + #", "side": "left""#,
                             coordinates: "[\(frame.rectangle(-6.0, 0, -3.5, 100))]"),
        ])
    }

    @Test func carOnEachKerbFallsInThatSidesZone() throws {
        let map = try street()
        #expect(map.zone(containing: frame.point(x: 4.75, y: 50))?.id == "east")
        #expect(map.zone(containing: frame.point(x: -4.75, y: 50))?.id == "west")
        // A vehicle driving north in the east lane: its right camera sees a car 3 m to the
        // right, its left camera one across the street, 6.5 m to the left.
        let vehicle = frame.point(x: 1.75, y: 50)
        #expect(map.zone(containing: vehicle) == nil)
        #expect(map.zone(containing: frame.point(x: 1.75 + 3, y: 50))?.id == "east")
        #expect(map.zone(containing: frame.point(x: 1.75 - 6.5, y: 50))?.id == "west")
    }

    @Test func carriagewayAndPointsBeyondTheStripsAreUnlocated() throws {
        let map = try street()
        #expect(map.zone(containing: frame.point(x: 0, y: 50)) == nil)      // centre line
        #expect(map.zone(containing: frame.point(x: 3.0, y: 50)) == nil)    // driving lane
        #expect(map.zone(containing: frame.point(x: 7.0, y: 50)) == nil)    // pavement
        #expect(map.zone(containing: frame.point(x: 4.75, y: 101)) == nil)  // past the end
        #expect(map.zone(latitude: 0, longitude: 0) == nil)
    }

    @Test func carPlacedJustOutsideItsKerbStripIsTakenIntoIt() throws {
        let map = try street()
        // 1.5 m into the driving lane or onto the pavement: position error, not another zone.
        #expect(map.zone(near: frame.point(x: 2.0, y: 50), within: 2)?.id == "east")
        #expect(map.zone(near: frame.point(x: 7.5, y: 50), within: 2)?.id == "east")
        #expect(map.zone(near: frame.point(x: 4.75, y: 101.5), within: 2)?.id == "east")
        // Inside stays inside; beyond the tolerance stays unlocated.
        #expect(map.zone(near: frame.point(x: -4.75, y: 50), within: 2)?.id == "west")
        #expect(map.zone(near: frame.point(x: 9.0, y: 50), within: 2) == nil)
        #expect(map.zone(near: frame.point(x: 2.0, y: 50), within: 0) == nil)
    }

    @Test func toleranceNeverReachesAcrossTheStreet() throws {
        let map = try street()
        // On the centre line both strips are 3.5 m away: neither is within 2 m.
        #expect(map.zone(near: frame.point(x: 0, y: 50), within: 2) == nil)
        // Nearer the east kerb the east strip wins.
        #expect(map.zone(near: frame.point(x: 1.0, y: 50), within: 3)?.id == "east")
    }

    @Test func holesAreOutsideTheZone() throws {
        let square = "[\(frame.rectangle(0, 0, 40, 30)), \(frame.ring([(16, 12), (16, 18), (24, 18), (24, 12)]))]"
        let map = try ZoneJSON.map([ZoneJSON.feature(ZoneJSON.paid("square"), coordinates: square)])
        #expect(map.zone(containing: frame.point(x: 5, y: 5))?.id == "square")
        #expect(map.zone(containing: frame.point(x: 20, y: 15)) == nil)          // in the hole
        #expect(map.zone(containing: frame.point(x: 20, y: 20))?.id == "square") // just above it
        let area = try #require(map.zone(id: "square")).shape.areaSquareMetres
        #expect(abs(area - (1200 - 48)) < 2)
    }

    @Test func ringOrderDoesNotMatter() throws {
        let clockwise = frame.ring([(0, 0), (0, 10), (10, 10), (10, 0)])
        let map = try ZoneJSON.map([ZoneJSON.feature(ZoneJSON.paid("cw"), coordinates: "[\(clockwise)]")])
        #expect(map.zone(containing: frame.point(x: 5, y: 5))?.id == "cw")
    }

    @Test func concaveOutlineIsRespected() throws {
        // An L-shaped area: the inner corner's square is outside.
        let shape = frame.ring([(0, 0), (20, 0), (20, 5), (5, 5), (5, 20), (0, 20)])
        let map = try ZoneJSON.map([ZoneJSON.feature(ZoneJSON.paid("l"), coordinates: "[\(shape)]")])
        #expect(map.zone(containing: frame.point(x: 2, y: 18))?.id == "l")
        #expect(map.zone(containing: frame.point(x: 18, y: 2))?.id == "l")
        #expect(map.zone(containing: frame.point(x: 10, y: 10)) == nil)
    }

    @Test func smallestOverlappingZoneWins() throws {
        let map = try ZoneJSON.map([
            ZoneJSON.feature(ZoneJSON.paid("strip"), coordinates: "[\(frame.rectangle(3.5, 0, 6.0, 100))]"),
            ZoneJSON.feature(#""id": "bay", "name": "Ladezone", "kind": "no-parking", "hours": "24/7", "capacity": 0"#,
                             coordinates: "[\(frame.rectangle(3.5, 40, 6.0, 52))]"),
        ])
        #expect(map.zone(containing: frame.point(x: 4.75, y: 45))?.id == "bay")
        #expect(map.zone(containing: frame.point(x: 4.75, y: 60))?.id == "strip")
    }

    @Test func thousandsOfLookupsPerSecondWithHundredsOfZones() throws {
        // 400 strips on a 20 x 10 grid of streets 100 m apart.
        var features: [String] = []
        for column in 0..<20 {
            for row in 0..<10 {
                for side in [-1.0, 1.0] {
                    let x = Double(column) * 100 + side * 3.5
                    let y = Double(row) * 100
                    let outer = x + side * 2.5
                    features.append(ZoneJSON.feature(ZoneJSON.paid("z\(column)-\(row)-\(side)"),
                                                     coordinates: "[\(frame.rectangle(min(x, outer), y + 5, max(x, outer), y + 95))]"))
                }
            }
        }
        let map = try ZoneJSON.map(features)
        #expect(map.zones.count == 400)
        var generator = SystemRandomNumberGenerator()
        let points = (0..<20_000).map { _ in
            frame.point(x: Double.random(in: -10...1910, using: &generator), y: Double.random(in: 0...1000, using: &generator))
        }
        let clock = ContinuousClock()
        var located = 0
        let elapsed = clock.measure {
            for point in points where map.zone(containing: point) != nil { located += 1 }
        }
        #expect(located > 0)
        // Debug build on a shared machine: generous; a release build does millions per second.
        #expect(elapsed < .seconds(2), "20 000 lookups took \(elapsed)")
        // Cross-check the grid against a plain scan of all zones.
        for point in points.prefix(2000) {
            let scanned = map.zones.first { $0.contains(point) }?.id
            #expect(map.zone(containing: point)?.id == scanned)
        }
    }
}
