import Foundation
import GRDB

/// ParkScan's SQLite database: the parking rights now; sightings, cases and the audit trail
/// later, each added as a migration in ``ParkScanMigrations``.
///
/// A file database is a `DatabasePool`, i.e. WAL mode: the review tool reads while the
/// scanner writes. Every connection runs `PRAGMA secure_delete = ON` (set in
/// `Configuration.prepareDatabase`; Debian builds SQLite with it on, other builds do not):
/// without it SQLite leaves deleted rows in free pages, and a deleted plate must really be
/// gone. Foreign keys are on.
///
/// Data protection: the rights tables hold plates of rights holders. That is lawful because
/// the town issued the right (permit, exemption) or the driver bought it (paid session).
/// Sightings of compliant cars are a different matter: they must never be stored here (the
/// pipeline decides before anything is written).
public struct ParkScanDatabase: Sendable {
    /// `parkscan.sqlite`, in the current directory, when no path is given.
    public static let defaultPath = "parkscan.sqlite"

    /// The connection pool (file) or queue (in memory) every store works on.
    public let writer: any DatabaseWriter

    /// Opens (creating it when missing) the database file at `path` and migrates it to the
    /// current schema.
    public init(path: String = ParkScanDatabase.defaultPath) throws {
        try self.init(writer: DatabasePool(path: path, configuration: Self.configuration()))
    }

    /// A migrated database on `writer`, which must have been opened with
    /// ``configuration()``; throws when its connections lack `secure_delete`.
    public init(writer: any DatabaseWriter) throws {
        let secureDelete = try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA secure_delete") }
        guard secureDelete == 1 else {
            throw ParkScanDatabaseError(message: "\(writer.path): connections must be opened with "
                + "ParkScanDatabase.configuration() (secure_delete is off)")
        }
        try ParkScanMigrations.migrator.migrate(writer)
        // The secure_delete check opened a reader before the migration: its cached schema
        // would not know the new columns ("column not found" on the first read).
        (writer as? DatabasePool)?.invalidateReadOnlyConnections()
        self.writer = writer
    }

    /// A fresh, migrated database in memory (a `DatabaseQueue`), for tests and dry runs.
    public static func inMemory() throws -> ParkScanDatabase {
        try ParkScanDatabase(writer: DatabaseQueue(configuration: configuration()))
    }

    /// How long a connection waits for another process's write (a scan's pass, a review
    /// decision, an export) before giving up with "database is locked". A scanner and a few
    /// reviewers share one file; a scan's pass commit takes seconds at most.
    public static let busyTimeout: TimeInterval = 30

    /// The configuration of every ParkScan connection: foreign keys and `secure_delete` on,
    /// and ``busyTimeout`` for writes of other processes.
    public static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
    }
}
