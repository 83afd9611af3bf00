/// Why a car is parked legally.
public enum ComplianceReason: Sendable, Hashable {
    /// A paid session covers the latest sighting.
    case paidSession
    /// A paid session ended, but less than the zone's grace minutes before the sighting.
    case paidSessionGrace
    /// A resident permit for this permit area of the zone.
    case residentPermit(area: String)
    /// An exemption (disabled badge, municipal vehicle, delivery).
    case exemption
}
