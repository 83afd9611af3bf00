import Foundation
import GRDB

/// An exemption: the plate may park in `zones` (all zones when empty) whatever their rules,
/// from `validFrom` until (not including) `validTo`.
///
/// The plate is stored because the town granted the exemption: that is lawful.
public struct Exemption: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The town's reference; unique, so an import updates rather than duplicates.
    public var reference: String
    /// The plate's match key (see ``PlateKey``).
    public var plate: String
    /// The plate's country, `D` for German plates.
    public var country: String
    /// Why the plate is exempt.
    public var reason: ExemptionReason
    /// The zone ids it applies in, sorted; empty means every zone.
    public var zones: [String]
    /// First instant of validity.
    public var validFrom: Date
    /// First instant no longer valid.
    public var validTo: Date

    /// An exemption for `plate` in `zones` (empty: all), valid in [validFrom, validTo).
    public init(reference: String, plate: PlateKey, reason: ExemptionReason, zones: [String],
                validFrom: Date, validTo: Date) {
        self.reference = reference
        self.plate = plate.key
        self.country = plate.country
        self.reason = reason
        self.zones = Array(Set(zones)).sorted()
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether it applies in the zone with this id.
    public func applies(inZone zone: String) -> Bool {
        zones.isEmpty || zones.contains(zone)
    }

    public static let databaseTableName = "exemption"

    /// The table's columns.
    public enum Columns {
        public static let reference = Column("reference")
        public static let plate = Column("plate")
        public static let validFrom = Column("validFrom")
        public static let validTo = Column("validTo")
    }
}

extension DerivableRequest<Exemption> {
    /// Exemptions for the plate with this match key.
    public func forPlate(_ key: String) -> Self {
        filter(Exemption.Columns.plate == key)
    }

    /// Exemptions valid at `date`.
    public func valid(at date: Date) -> Self {
        filter(Exemption.Columns.validFrom <= date && Exemption.Columns.validTo > date)
    }
}
