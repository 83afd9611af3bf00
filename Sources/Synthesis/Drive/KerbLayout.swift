import Enforcement

/// The car spaces of every zone that lies along the scan route: each zone polygon is matched
/// to the street line whose right-hand kerb it lines (all its corners 3-6.5 m right of the
/// centre line, within the collinear legs driven in that direction: a strip may run past a
/// junction on the side no street joins) and divided into 5.5 m spaces along it.
///
/// Zones along no leg (Wilhelmsplatz, a parking area off the street) are not scanned.
struct KerbLayout: Sendable {
    /// Length of one car space along the kerb, metres.
    static let spaceLength = 5.5

    /// Spaces per scanned zone id, in the zone's order along the kerb.
    let spaces: [String: [KerbSpace]]
    /// Zones with no space along the route, in map order.
    let unscannedZoneIDs: [String]

    init(zones: ZoneMap, streets: StreetMap) {
        let legs = streets.legs
        let reaches = legs.map { Self.reach(of: $0, among: legs) }
        var spaces: [String: [KerbSpace]] = [:]
        var unscanned: [String] = []
        for zone in zones.zones {
            var found: [KerbSpace] = []
            for polygon in zone.shape.polygons {
                let corners = polygon.outer.map { streets.frame.localPoint(latitude: $0.latitude, longitude: $0.longitude) }
                guard let line = legs.indices.first(where: { Self.lines(corners, legs[$0], reaches[$0]) }) else { continue }
                let leg = legs[line]
                let local = corners.map(leg.alongAndRight)
                let from = local.map(\.along).min()!, to = local.map(\.along).max()!
                let right = (local.map(\.right).min()! + local.map(\.right).max()!) / 2
                let count = Int(((to - from) / Self.spaceLength + 1e-6).rounded(.down))
                let slack = (to - from - Double(count) * Self.spaceLength) / 2
                for k in 0..<count {
                    let along = from + slack + Self.spaceLength * (Double(k) + 0.5)
                    let centre = leg.point(along: along, right: right)
                    guard zone.contains(streets.frame.zonePoint(centre)) else { continue }
                    found.append(KerbSpace(zoneID: zone.id, index: found.count, centre: centre, facing: leg.direction))
                }
            }
            if found.isEmpty { unscanned.append(zone.id) } else { spaces[zone.id] = found }
        }
        self.spaces = spaces
        self.unscannedZoneIDs = unscanned
    }

    /// Whether the polygon `corners` is a kerb strip on the right of `leg`'s line within `reach`.
    private static func lines(_ corners: [LocalPoint], _ leg: StreetLeg, _ reach: ClosedRange<Double>) -> Bool {
        corners.allSatisfy {
            let p = leg.alongAndRight($0)
            return p.right >= 3.0 && p.right <= 6.5 && reach.contains(p.along)
        }
    }

    /// The stretch (metres along `leg`) covered by `leg` and the legs driven on the same line
    /// in the same direction.
    private static func reach(of leg: StreetLeg, among legs: [StreetLeg]) -> ClosedRange<Double> {
        var from = 0.0, to = leg.length
        for other in legs where other.direction.dot(leg.direction) > 0.999 {
            let a = leg.alongAndRight(other.start), b = leg.alongAndRight(other.end)
            guard abs(a.right) < 0.1, abs(b.right) < 0.1 else { continue }
            from = min(from, a.along, b.along)
            to = max(to, a.along, b.along)
        }
        return (from - 0.5)...(to + 0.5)
    }
}
