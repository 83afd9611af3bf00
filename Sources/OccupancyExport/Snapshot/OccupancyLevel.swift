/// A zone's state for parking guidance, named as DATEX II v3's `ParkingPlaceStatusEnum`.
public enum OccupancyLevel: String, Sendable, CaseIterable {
    case spacesAvailable
    case almostFull
    case full
    /// No pass has counted cars in the zone yet.
    case unknown
}

/// Where "almost full" begins.
public struct OccupancyThresholds: Sendable, Hashable {
    /// Occupancy in percent from which a zone is almost full (below 100).
    public var almostFullPercent: Double

    public init(almostFullPercent: Double) {
        self.almostFullPercent = almostFullPercent
    }

    /// 90 %: on a 20-space strip, two free spaces are hard to find from a moving car.
    public static let standard = OccupancyThresholds(almostFullPercent: 90)
}
