import Foundation

/// A right to park found for a plate, as the rights store returns it for one zone.
///
/// Minimal on purpose: the store has already matched plate, zone and validity period, so
/// a resident permit here is valid on the sighting's day and a paid session is for this
/// zone.
public enum ParkingRight: Sendable, Hashable {
    /// A resident permit (Bewohnerparkausweis) for these permit areas.
    case residentPermit(areas: [String])
    /// A paid session (ticket machine with plate entry, or app) from `start` to `end`.
    case paidSession(start: Date, end: Date)
    /// Parking allowed whatever the zone's rules: disabled badge, municipal vehicle,
    /// delivery in a loading bay.
    case exemption
}
