import DriveInput
import Enforcement
import Foundation

/// A town's local metric frame: metres east and north of an origin, converted to WGS 84
/// exactly as `scripts/make-demo-town.py` converts them (111 320 m per degree of latitude,
/// longitude scaled by the cosine of the origin's latitude), so that points made here fall
/// where the script put the zone polygons.
public struct LocalMetricFrame: Sendable, Hashable {
    /// Latitude of the origin, degrees.
    public var originLatitude: Double
    /// Longitude of the origin, degrees.
    public var originLongitude: Double

    static let metresPerDegree = 111_320.0

    /// The demo town's frame: 49.4040 N, 8.6840 E (Heidelberg-Weststadt).
    public static let demoTown = LocalMetricFrame(originLatitude: 49.4040, originLongitude: 8.6840)

    public init(originLatitude: Double, originLongitude: Double) {
        self.originLatitude = originLatitude
        self.originLongitude = originLongitude
    }

    private var metresPerDegreeOfLongitude: Double {
        Self.metresPerDegree * cos(originLatitude * .pi / 180)
    }

    /// The WGS 84 position of a local point.
    public func geoPoint(_ point: LocalPoint) -> GeoPoint {
        GeoPoint(latitude: originLatitude + point.y / Self.metresPerDegree,
                 longitude: originLongitude + point.x / metresPerDegreeOfLongitude)
    }

    /// The local point of a WGS 84 position.
    public func localPoint(latitude: Double, longitude: Double) -> LocalPoint {
        LocalPoint(x: (longitude - originLongitude) * metresPerDegreeOfLongitude,
                   y: (latitude - originLatitude) * Self.metresPerDegree)
    }

    /// The zone-map point of a local point.
    func zonePoint(_ point: LocalPoint) -> ZonePoint {
        let geo = geoPoint(point)
        return ZonePoint(latitude: geo.latitude, longitude: geo.longitude)
    }
}
