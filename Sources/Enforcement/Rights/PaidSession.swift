import Foundation
import GRDB

/// A paid parking session (ticket machine with plate entry, or a parking app) for one zone
/// from `start` to `end`.
///
/// The plate is stored because the driver bought the session for it: that is lawful.
public struct PaidSession: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Where the session comes from (`app`, `ticket-machine`, a provider's name); the
    /// reference is unique per source.
    public var source: String
    /// The source's id of the session.
    public var reference: String
    /// The plate's match key (see ``PlateKey``).
    public var plate: String
    /// The plate's country, `D` for German plates.
    public var country: String
    /// The zone's id, as in the zone map.
    public var zone: String
    /// When the session starts.
    public var start: Date
    /// When it ends (after `start`).
    public var end: Date

    /// A session for `plate` in `zone` from `start` to `end`.
    public init(source: String, reference: String, plate: PlateKey, zone: String, start: Date, end: Date) {
        self.source = source
        self.reference = reference
        self.plate = plate.key
        self.country = plate.country
        self.zone = zone
        self.start = start
        self.end = end
    }

    // `end` is an SQL keyword: the columns are startTime and endTime.
    enum CodingKeys: String, CodingKey {
        case source, reference, plate, country, zone
        case start = "startTime"
        case end = "endTime"
    }

    public static let databaseTableName = "paidSession"

    /// The table's columns.
    public enum Columns {
        public static let source = Column("source")
        public static let reference = Column("reference")
        public static let plate = Column("plate")
        public static let zone = Column("zone")
        public static let start = Column("startTime")
        public static let end = Column("endTime")
    }
}

extension DerivableRequest<PaidSession> {
    /// Sessions for the plate with this match key in `zone`.
    public func forPlate(_ key: String, zone: String) -> Self {
        filter(PaidSession.Columns.plate == key && PaidSession.Columns.zone == zone)
    }

    /// Sessions that started by `date` and had not ended before `endedSince`: those covering
    /// `date` and those that ended in between (for grace and the unpaid-time count).
    public func overlapping(from endedSince: Date, to date: Date) -> Self {
        filter(PaidSession.Columns.start <= date && PaidSession.Columns.end >= endedSince)
    }
}
