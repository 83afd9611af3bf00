import Foundation

/// One position reported by the GPS receiver at one moment.
public struct GPSFix: Sendable, Equatable, Codable {
    /// When the fix was taken (UTC).
    public var time: Date
    public var location: GeoPoint
    /// Metres above mean sea level (NMEA GGA, GPX `<ele>`), when reported.
    public var altitude: Double?
    /// Speed over ground in metres per second (NMEA RMC), when reported.
    public var speed: Double?
    /// Course over ground in degrees clockwise from true north (NMEA RMC), when reported.
    /// The receiver's course is noise when the vehicle stands; ``GPSTrack`` does not use it.
    public var course: Double?
    /// Satellites used (NMEA GGA), when reported.
    public var satellites: Int?
    /// Horizontal dilution of precision (NMEA GGA), when reported; lower is better.
    public var horizontalDilution: Double?

    public init(
        time: Date, location: GeoPoint, altitude: Double? = nil, speed: Double? = nil,
        course: Double? = nil, satellites: Int? = nil, horizontalDilution: Double? = nil
    ) {
        self.time = time
        self.location = location
        self.altitude = altitude
        self.speed = speed
        self.course = course
        self.satellites = satellites
        self.horizontalDilution = horizontalDilution
    }
}
