/// A WGS 84 position in degrees, as GeoJSON stores it (RFC 7946 § 3.1.1, longitude first
/// in the file, named here to avoid mixing them up).
///
/// Enforcement keeps its own point type so that it does not depend on how the drive input
/// models GPS fixes; a `GeoPoint` converts with one initialiser call.
public struct ZonePoint: Sendable, Hashable, CustomStringConvertible {
    /// Degrees north, -90…90.
    public var latitude: Double
    /// Degrees east, -180…180.
    public var longitude: Double

    /// A point from latitude and longitude in degrees.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public var description: String {
        "\(latitude) N, \(longitude) E"
    }
}
