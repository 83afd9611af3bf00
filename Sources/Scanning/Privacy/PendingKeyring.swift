import Crypto
import Enforcement
import Foundation
import GRDB

/// The day keys of pending sightings, in the `pendingKey` table.
///
/// One key per Berlin calendar day, created at the day's first pending sighting. A sighting is
/// stored under its own day's key and looked up under every live key (a car parked over
/// midnight). Destroying a key deletes its row (with `secure_delete` the bytes are zeroed)
/// and, by cascade, the sightings under it.
public enum PendingKeyring {
    /// `yyyy-MM-dd` of `date` in Berlin.
    public static func day(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .europeBerlin
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The end of `date`'s Berlin day.
    static func endOfDay(of date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .europeBerlin
        return calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date))!
    }

    /// The key of `date`'s day, created when missing.
    public static func seal(for date: Date, policy: RetentionPolicy, in db: Database) throws -> (day: String, seal: PlateSeal) {
        let day = day(of: date)
        if let bytes = try Data.fetchOne(db, sql: "SELECT key FROM pendingKey WHERE day = ?", arguments: [day]) {
            return (day, PlateSeal(key: SymmetricKey(data: bytes)))
        }
        let key = PlateSeal.newKey()
        let bytes = key.withUnsafeBytes { Data($0) }
        try db.execute(sql: "INSERT INTO pendingKey (day, key, destroyAfter) VALUES (?, ?, ?)",
                       arguments: [day, bytes, endOfDay(of: date).addingTimeInterval(policy.keyGrace)])
        return (day, PlateSeal(key: key))
    }

    /// Every key that still exists (and with `now`, whose time is not up then), by day.
    public static func liveSeals(at now: Date? = nil, in db: Database) throws -> [(day: String, seal: PlateSeal)] {
        try Row.fetchAll(db, sql: "SELECT day, key FROM pendingKey WHERE ? IS NULL OR destroyAfter > ? ORDER BY day",
                         arguments: [now, now]).map { row in
            (row["day"], PlateSeal(key: SymmetricKey(data: row["key"] as Data)))
        }
    }

    /// Destroys the keys whose time is up at `now` (and so their sightings); returns how many.
    @discardableResult
    public static func destroyExpired(now: Date, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM pendingKey WHERE destroyAfter <= ?", arguments: [now])
        return db.changesCount
    }

    /// Destroys every key (and every pending sighting).
    @discardableResult
    public static func destroyAll(in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM pendingKey")
        return db.changesCount
    }
}
