import Foundation

/// One GeoJSON polygon: an outer ring and optional holes (RFC 7946 § 3.1.6).
///
/// Rings are stored closed (first point repeated at the end), as in the file. Containment
/// uses the even-odd rule over all rings, so a point inside a hole is outside the polygon
/// whatever the rings' winding order (RFC 7946 asks for counter-clockwise outer rings, but
/// parsers must not reject the other order, and many editors write it).
public struct ZonePolygon: Sendable, Hashable {
    /// The outer boundary, closed.
    public let outer: [ZonePoint]
    /// Holes cut out of the outer boundary, each closed.
    public let holes: [[ZonePoint]]
    /// The box around the outer ring.
    public let boundingBox: ZoneBoundingBox

    /// A polygon from closed rings of at least four points each (zone files are checked for
    /// this when they are read).
    public init(outer: [ZonePoint], holes: [[ZonePoint]] = []) {
        self.outer = outer
        self.holes = holes
        self.boundingBox = ZoneBoundingBox(around: outer)
    }

    /// Whether `point` lies inside the outer ring and in none of the holes.
    ///
    /// Points exactly on an edge may fall either way; zone strips are metres wide and a
    /// position fix is good to a few metres, so this does not matter.
    public func contains(_ point: ZonePoint) -> Bool {
        guard boundingBox.contains(point) else { return false }
        var inside = Self.ringCrossings(outer, point)
        for hole in holes where Self.ringCrossings(hole, point) {
            inside.toggle()
        }
        return inside
    }

    /// How far `point` is from the polygon in metres: 0 inside, else the distance to the
    /// nearest edge (equirectangular around the point: exact enough at a few metres).
    public func distanceMetres(to point: ZonePoint) -> Double {
        if contains(point) { return 0 }
        let metresPerDegreeLatitude = 111_320.0
        let metresPerDegreeLongitude = metresPerDegreeLatitude * cos(point.latitude * .pi / 180)
        func local(_ p: ZonePoint) -> (x: Double, y: Double) {
            ((p.longitude - point.longitude) * metresPerDegreeLongitude, (p.latitude - point.latitude) * metresPerDegreeLatitude)
        }
        var nearest = Double.infinity
        for ring in [outer] + holes {
            for (a, b) in zip(ring, ring.dropFirst()) {
                let (p, q) = (local(a), local(b))
                let (dx, dy) = (q.x - p.x, q.y - p.y)
                let length = dx * dx + dy * dy
                let t = length > 0 ? max(0, min(1, -(p.x * dx + p.y * dy) / length)) : 0
                nearest = min(nearest, hypot(p.x + t * dx, p.y + t * dy))
            }
        }
        return nearest
    }

    /// The area in square metres (equirectangular approximation, fine for zones of a few
    /// hundred metres), holes subtracted.
    public var areaSquareMetres: Double {
        Self.ringArea(outer) - holes.reduce(0) { $0 + Self.ringArea($1) }
    }

    /// Even-odd test of one ring: whether a ray from `point` towards east crosses the ring
    /// an odd number of times.
    private static func ringCrossings(_ ring: [ZonePoint], _ point: ZonePoint) -> Bool {
        var inside = false
        var previous = ring[ring.count - 1]
        for current in ring {
            if (current.latitude > point.latitude) != (previous.latitude > point.latitude) {
                let t = (point.latitude - current.latitude) / (previous.latitude - current.latitude)
                let crossingLongitude = current.longitude + t * (previous.longitude - current.longitude)
                if point.longitude < crossingLongitude {
                    inside.toggle()
                }
            }
            previous = current
        }
        return inside
    }

    private static func ringArea(_ ring: [ZonePoint]) -> Double {
        guard ring.count > 2 else { return 0 }
        let metresPerDegree = 111_320.0
        let cosLatitude = cos(ring[0].latitude * .pi / 180)
        var twiceArea = 0.0
        for index in 0..<(ring.count - 1) {
            let a = ring[index], b = ring[index + 1]
            twiceArea += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return abs(twiceArea) / 2 * metresPerDegree * metresPerDegree * cosLatitude
    }
}
