/// Why a plate may park regardless of the zone's rules. Stored and imported as the raw value.
public enum ExemptionReason: String, Codable, Sendable, Hashable, CaseIterable {
    /// Blue disabled parking badge (EU model; § 46 StVO exemption).
    case disabledBadge = "disabled-badge"
    /// A vehicle of the town (Kommunalfahrzeug).
    case municipalVehicle = "municipal-vehicle"
    /// Deliveries (loading bays).
    case delivery = "delivery"
    /// Tradespeople's permit (Handwerkerparkausweis).
    case tradesperson = "tradesperson"
    /// Anything else the town grants; the reference says what.
    case other = "other"
}
