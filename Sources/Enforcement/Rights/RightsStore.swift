import Foundation
import GRDB

/// The parking rights of plates, as the rules consume them (``ParkingRight``).
///
/// Lookups go by the exact plate key (``PlateKey``): a German plate read without its
/// sticker gap must be looked up under each of its splits by the caller.
public struct RightsStore: Sendable {
    /// How far back ``rights(for:zone:at:)`` returns paid sessions that have already ended.
    ///
    /// The rules need ended sessions for grace and to count unpaid time from a session's
    /// end rather than from the first sighting; ended sessions the rules do not need are
    /// harmless to them. 24 hours covers any observation of a day.
    public static let defaultSessionLookback: TimeInterval = 24 * 60 * 60

    /// The database the rights are in.
    public let database: ParkScanDatabase
    /// See ``defaultSessionLookback``.
    public var sessionLookback: TimeInterval

    /// The store on `database`.
    public init(database: ParkScanDatabase, sessionLookback: TimeInterval = RightsStore.defaultSessionLookback) {
        self.database = database
        self.sessionLookback = sessionLookback
    }

    /// The rights of the plate with match key `plateKey` in the zone with id `zone` at
    /// `date`: resident permits valid at `date` (with all their areas: the zone's rule
    /// checks them against its permit areas), paid sessions for this zone that started by
    /// `date` and ended no earlier than ``sessionLookback`` before it (sorted by start), and
    /// `.exemption` once when an exemption for this zone or for all zones is valid.
    public func rights(for plateKey: String, zone: String, at date: Date) throws -> [ParkingRight] {
        try database.writer.read { db in
            let permits = try ResidentPermit.all().forPlate(plateKey).valid(at: date)
                .order(ResidentPermit.Columns.reference).fetchAll(db)
            let sessions = try PaidSession.all().forPlate(plateKey, zone: zone)
                .overlapping(from: date.addingTimeInterval(-sessionLookback), to: date)
                .order(PaidSession.Columns.start).fetchAll(db)
            let exempt = try Exemption.all().forPlate(plateKey).valid(at: date).fetchAll(db)
                .contains { $0.applies(inZone: zone) }
            return permits.map { .residentPermit(areas: $0.areas) }
                + (exempt ? [.exemption] : [])
                + sessions.map { .paidSession(start: $0.start, end: $0.end) }
        }
    }

    /// Same as ``rights(for:zone:at:)`` with `plate.key`.
    public func rights(for plate: PlateKey, zone: String, at date: Date) throws -> [ParkingRight] {
        try rights(for: plate.key, zone: zone, at: date)
    }

    /// Deletes the rights that ended before `date` (permits and exemptions whose validity
    /// ended, sessions that ended) and returns how many rows went.
    ///
    /// Once a right has ended there is no reason left to keep its plate; `secure_delete`
    /// makes the deletion real.
    @discardableResult
    public func deleteRights(endedBefore date: Date) throws -> Int {
        try database.writer.write { db in
            try ResidentPermit.filter(ResidentPermit.Columns.validTo <= date).deleteAll(db)
                + PaidSession.filter(PaidSession.Columns.end < date).deleteAll(db)
                + Exemption.filter(Exemption.Columns.validTo <= date).deleteAll(db)
        }
    }

    /// How many permits, sessions and exemptions are stored.
    public func counts() throws -> (permits: Int, sessions: Int, exemptions: Int) {
        try database.writer.read { db in
            (try ResidentPermit.fetchCount(db), try PaidSession.fetchCount(db), try Exemption.fetchCount(db))
        }
    }
}
