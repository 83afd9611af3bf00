import Foundation

/// When a car was seen at the same spot: the first and the latest sighting. A single pass
/// has both equal.
public struct ParkingObservation: Sendable, Hashable {
    /// The first sighting.
    public let firstSeen: Date
    /// The latest sighting, never before `firstSeen`.
    public let lastSeen: Date

    /// An observation from two sightings, in either order.
    public init(firstSeen: Date, lastSeen: Date) {
        self.firstSeen = min(firstSeen, lastSeen)
        self.lastSeen = max(firstSeen, lastSeen)
    }

    /// An observation from a single sighting.
    public init(seen: Date) {
        self.init(firstSeen: seen, lastSeen: seen)
    }

    /// Seconds between the first and the latest sighting.
    public var duration: TimeInterval {
        lastSeen.timeIntervalSince(firstSeen)
    }
}
