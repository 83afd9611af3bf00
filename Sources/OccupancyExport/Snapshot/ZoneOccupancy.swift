import Enforcement
import Foundation

/// One zone of a snapshot: the zone as the map describes it, and its latest observation.
///
/// Capacity is the map's (the published table's), not the one stored with the count: the
/// status must agree with the table it references.
public struct ZoneOccupancy: Sendable {
    public let zone: ParkingZone
    /// The latest pass that counted cars here, nil when no pass has (yet).
    public let observation: ZoneObservation?

    public init(zone: ParkingZone, observation: ZoneObservation?) {
        self.zone = zone
        self.observation = observation
    }

    /// Spaces the zone has.
    public var capacity: Int { zone.capacity }

    /// Occupied spaces: the vehicles counted, at most the capacity (cars parked beyond the
    /// marked spaces do not make negative vacancies).
    public var occupiedSpaces: Int? {
        observation.map { min($0.vehicles, capacity) }
    }

    /// Vacant spaces.
    public var vacantSpaces: Int? {
        occupiedSpaces.map { capacity - $0 }
    }

    /// Vehicles per space in percent; may exceed 100 when cars park beyond the marked spaces.
    /// Nil without an observation or without spaces.
    public var occupancyPercent: Double? {
        guard let observation, capacity > 0 else { return nil }
        return 100 * Double(observation.vehicles) / Double(capacity)
    }

    /// The DATEX II place status for this zone, see ``OccupancyLevel``.
    public func level(thresholds: OccupancyThresholds = .standard) -> OccupancyLevel {
        guard let observation else { return .unknown }
        guard capacity > 0 else { return observation.vehicles > 0 ? .full : .unknown }
        if observation.vehicles >= capacity { return .full }
        if Double(observation.vehicles) >= thresholds.almostFullPercent / 100 * Double(capacity) { return .almostFull }
        return .spacesAvailable
    }
}
