/// What kind of parking rule a zone has (the `kind` property in the zone file).
public enum ZoneKind: String, Sendable, Hashable, CaseIterable {
    /// Pay at a machine or by app (Parkschein); a paid session is the right.
    case paid
    /// Residents only (Bewohnerparken); a resident permit for one of the zone's areas.
    case resident
    /// Paid, residents with a permit for one of the zone's areas exempt.
    case mixed
    /// Free for a limited time (max stay), often with a parking disc.
    case timeLimited = "time-limited"
    /// No parking (eingeschränktes Haltverbot): stopping up to 3 minutes and loading only.
    case noParking = "no-parking"
}
