import Foundation

/// Where the scan vehicle was at one moment, and which way it was going.
public struct TrackPosition: Sendable, Equatable, Codable {
    public var time: Date
    /// The GPS antenna's position, interpolated between the neighbouring fixes.
    public var location: GeoPoint
    /// Direction of travel in degrees clockwise from true north (0 ..< 360), from the fixes
    /// around `time`; nil only when the vehicle never moved in the whole track.
    public var heading: Double?
    /// Seconds between `time` and the nearest fix; a measure of how much was interpolated.
    public var fixAge: TimeInterval

    public init(time: Date, location: GeoPoint, heading: Double?, fixAge: TimeInterval) {
        self.time = time
        self.location = location
        self.heading = heading
        self.fixAge = fixAge
    }
}
