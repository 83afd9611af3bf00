import Foundation
import Enforcement

/// Metres east (x) and north (y) of an origin, as the demo town's generator uses them.
struct LocalFrame {
    var latitude = 49.4040
    var longitude = 8.6840

    func point(x: Double, y: Double) -> ZonePoint {
        ZonePoint(latitude: latitude + y / 111_320,
                  longitude: longitude + x / (111_320 * cos(latitude * .pi / 180)))
    }

    /// A closed GeoJSON ring (`[[lon, lat], ...]`) through the given corners.
    func ring(_ corners: [(Double, Double)]) -> String {
        let points = (corners + [corners[0]]).map { point(x: $0.0, y: $0.1) }
        return "[" + points.map { "[\($0.longitude), \($0.latitude)]" }.joined(separator: ", ") + "]"
    }

    /// A rectangle x0…x1 by y0…y1, counter-clockwise.
    func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
        ring([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    }
}
