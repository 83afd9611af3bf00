import Foundation
import GRDB

/// A pending first sighting found again, opened with its key.
public struct PendingMatch {
    public var id: Int64
    public var seenAt: Date
    public var details: PendingSightingDetails
    /// The key its evidence is sealed with (``PendingStore/evidence(of:in:)`` opens it).
    let seal: PlateSeal
}

/// Pending first sightings: stored under the keyed hash of their plate key, their details
/// and evidence sealed (see ``PlateSeal``, ``PendingKeyring``). Every method runs inside the
/// caller's transaction.
public enum PendingStore {
    /// The earliest pending sighting of `plateKey` in `zone` under any live key, or nil.
    ///
    /// With `aliveAt`, sightings and keys whose time is up at that moment are not found even
    /// when no purge has deleted them yet: a decision never depends on when the last purge ran
    /// (so a scan that commits often and one that commits rarely decide alike).
    public static func find(plateKey: String, zone: String, aliveAt now: Date? = nil, in db: Database) throws -> PendingMatch? {
        for (day, seal) in try PendingKeyring.liveSeals(at: now, in: db) {
            let hash = seal.hash(plateKey: plateKey)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, seenAt, sealedDetails FROM pendingSighting
                WHERE plateHash = ? AND zone = ? AND keyDay = ? AND (? IS NULL OR expiresAt > ?) ORDER BY seenAt, id LIMIT 1
                """, arguments: [hash, zone, day, now, now]) else { continue }
            let details = try JSONDecoder().decode(PendingSightingDetails.self, from: seal.open(row["sealedDetails"]))
            return PendingMatch(id: row["id"], seenAt: row["seenAt"], details: details, seal: seal)
        }
        return nil
    }

    /// The evidence kept with `match`, opened: read and decrypted only when a case needs it,
    /// not each time a sighting looks for a pending one of its plate.
    public static func evidence(of match: PendingMatch, in db: Database) throws -> PendingEvidence {
        guard let row = try Row.fetchOne(db, sql: "SELECT sealedOverview, sealedCrop, sealedFrame FROM pendingSighting WHERE id = ?",
                                         arguments: [match.id]) else {
            return .rendered(overview: nil, crop: nil)
        }
        if let frame = row["sealedFrame"] as Data? { return .frame(try match.seal.open(frame)) }
        return .rendered(overview: try (row["sealedOverview"] as Data?).map(match.seal.open),
                         crop: try (row["sealedCrop"] as Data?).map(match.seal.open))
    }

    /// Stores a pending first sighting of `plateKey` in `zone`, to be decided at `decideAt`.
    @discardableResult
    public static func insert(plateKey: String, zone: String, details: PendingSightingDetails, decideAt: Date,
                              evidence: PendingEvidence, scanRun: String, policy: RetentionPolicy,
                              in db: Database) throws -> Int64 {
        let (day, seal) = try PendingKeyring.seal(for: details.seenAt, policy: policy, in: db)
        var overview: Data?, crop: Data?, frame: Data?
        switch evidence {
        case .frame(let bytes): frame = bytes
        case .rendered(let renderedOverview, let renderedCrop): (overview, crop) = (renderedOverview, renderedCrop)
        }
        try db.execute(sql: """
            INSERT INTO pendingSighting (keyDay, plateHash, zone, seenAt, decideAt, expiresAt, scanRun,
                                         sealedDetails, sealedOverview, sealedCrop, sealedFrame)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [day, seal.hash(plateKey: plateKey), zone, details.seenAt, decideAt,
                             decideAt.addingTimeInterval(policy.confirmationWindow), scanRun,
                             try sealed(details, with: seal), try overview.map(seal.seal), try crop.map(seal.seal),
                             try frame.map(seal.seal)])
        return db.lastInsertedRowID
    }

    /// Marks `match` as sure (``PendingSightingDetails/isSure``): a sure sighting of exactly
    /// its plate has seen the car since, so a later sighting that is only sure enough to
    /// confirm can now make the case with it.
    public static func markSure(_ match: PendingMatch, in db: Database) throws {
        guard !match.details.isSure else { return }
        var details = match.details
        details.sure = nil
        try db.execute(sql: "UPDATE pendingSighting SET sealedDetails = ? WHERE id = ?",
                       arguments: [try sealed(details, with: match.seal), match.id])
    }

    private static func sealed(_ details: PendingSightingDetails, with seal: PlateSeal) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try seal.seal(encoder.encode(details))
    }

    /// Deletes one pending sighting.
    public static func delete(id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM pendingSighting WHERE id = ?", arguments: [id])
    }

    /// Deletes every pending sighting of `plateKey` in `zone` (the car turned out compliant).
    public static func deleteAll(plateKey: String, zone: String, in db: Database) throws {
        for (day, seal) in try PendingKeyring.liveSeals(in: db) {
            try db.execute(sql: "DELETE FROM pendingSighting WHERE plateHash = ? AND zone = ? AND keyDay = ?",
                           arguments: [seal.hash(plateKey: plateKey), zone, day])
        }
    }

    /// Deletes the pending sightings whose time is up at `now` and destroys the expired day
    /// keys; returns (sightings deleted, keys destroyed).
    @discardableResult
    public static func purgeExpired(now: Date, in db: Database) throws -> (sightings: Int, keys: Int) {
        try db.execute(sql: "DELETE FROM pendingSighting WHERE expiresAt <= ?", arguments: [now])
        let sightings = db.changesCount
        return (sightings, try PendingKeyring.destroyExpired(now: now, in: db))
    }

    /// How many pending sightings are stored.
    public static func count(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pendingSighting") ?? 0
    }
}
