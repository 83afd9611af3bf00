import Foundation
import GRDB
import Testing
import Enforcement

@Suite struct RightsDatabaseTests {
    @Test func fileDatabaseIsWALWithSecureDeleteAndForeignKeys() throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let database = try file.open()
        #expect(database.writer is DatabasePool)
        let (journalMode, secureDelete, foreignKeys) = try database.writer.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA secure_delete"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journalMode == "wal")
        #expect(secureDelete == 1)
        #expect(foreignKeys == 1)
        // Readers of a pool are other connections: they are prepared the same way.
        let readerSecureDelete = try database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA secure_delete") }
        #expect(readerSecureDelete == 1)
    }

    @Test(arguments: RightsStorage.allCases)
    func migrationCreatesTheRightsTables(storage: RightsStorage) throws {
        try storage.withDatabase { database in
            let (tables, applied, complete, indexes, secureDelete) = try database.writer.read { db in
                (try ["residentPermit", "paidSession", "exemption"].filter { try db.tableExists($0) },
                 try ParkScanMigrations.migrator.appliedIdentifiers(db),
                 try ParkScanMigrations.migrator.hasCompletedMigrations(db),
                 try db.indexes(on: "paidSession").map(\.columns),
                 try Int.fetchOne(db, sql: "PRAGMA secure_delete"))
            }
            #expect(tables.count == 3)
            #expect(applied.contains("v1-rights"))  // later migrations (v2-scanning, ...) follow it
            #expect(complete)
            #expect(indexes.contains(["plate", "zone", "endTime"]))
            #expect(secureDelete == 1)
        }
    }

    @Test func reopeningAFileKeepsItsRights() throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let csv = "reference,plate,areas,valid_from,valid_to\nP1,M-AB 1234,W1,2025-01-01,2025-12-31\n"
        _ = try RightsImporter(file.open()).importCSV(csv, name: "permits.csv")
        let reopened = try file.open()
        #expect(try RightsStore(database: reopened).counts().permits == 1)
    }

    @Test func connectionWithoutSecureDeleteIsRefused() throws {
        // Debian builds SQLite with SECURE_DELETE on by default; other builds do not.
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = OFF") }
        let queue = try DatabaseQueue(configuration: configuration)
        #expect(throws: ParkScanDatabaseError.self) {
            try ParkScanDatabase(writer: queue)
        }
        #expect(try queue.read { db in try db.tableExists("residentPermit") } == false)
    }

    @Test func checkConstraintRefusesAnEmptyValidity() throws {
        let database = try ParkScanDatabase.inMemory()
        let day = berlin("2025-06-02 00:00")
        let permit = ResidentPermit(reference: "P1", plate: .german("M-AB 1234"), areas: ["W1"], validFrom: day, validTo: day)
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try permit.insert(db) }
        }
    }
}
