import Foundation
import GRDB

/// A resident permit (Bewohnerparkausweis): a plate may park in the zones of its permit
/// areas from `validFrom` until (not including) `validTo`.
///
/// The plate is stored because the town issued the permit to its holder: that is lawful.
public struct ResidentPermit: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The town's permit number; unique, so an import updates rather than duplicates.
    public var reference: String
    /// The plate's match key (see ``PlateKey``): `M-AB 1234`, or `AB123C` for a foreign plate.
    public var plate: String
    /// The plate's country, `D` for German plates.
    public var country: String
    /// The permit areas covered (one permit may cover neighbouring areas), sorted, no
    /// duplicates; at least one.
    public var areas: [String]
    /// First instant of validity.
    public var validFrom: Date
    /// First instant no longer valid.
    public var validTo: Date

    /// A permit for `plate` in `areas`, valid in [validFrom, validTo).
    public init(reference: String, plate: PlateKey, areas: [String], validFrom: Date, validTo: Date) {
        self.reference = reference
        self.plate = plate.key
        self.country = plate.country
        self.areas = Array(Set(areas)).sorted()
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public static let databaseTableName = "residentPermit"

    /// The table's columns.
    public enum Columns {
        public static let reference = Column("reference")
        public static let plate = Column("plate")
        public static let validFrom = Column("validFrom")
        public static let validTo = Column("validTo")
    }
}

extension DerivableRequest<ResidentPermit> {
    /// Permits for the plate with this match key.
    public func forPlate(_ key: String) -> Self {
        filter(ResidentPermit.Columns.plate == key)
    }

    /// Permits valid at `date`.
    public func valid(at date: Date) -> Self {
        filter(ResidentPermit.Columns.validFrom <= date && ResidentPermit.Columns.validTo > date)
    }
}
