/// Which rule a suspected violation breaks.
public enum ViolatedRule: String, Sendable, Hashable {
    /// Paid zone without a paid session.
    case noPaidSession
    /// Resident zone without a permit for the zone's areas.
    case noResidentPermit
    /// Mixed zone with neither a paid session nor a permit for the zone's areas.
    case noPaidSessionOrPermit
    /// Time-limited zone, parked longer than the max stay plus tolerances.
    case maxStayExceeded
    /// No-parking zone, parked rather than stopped.
    case noParking
}
