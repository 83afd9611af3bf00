import GRDB

/// The schema of ParkScan's database, one named migration per step, registered in order.
///
/// Rules (GRDB's): a migration that has shipped is never modified, only followed by a new
/// one; migrations use SQL and table/column names only, never application types, so that
/// they keep meaning what they meant when they shipped. Later issues append their
/// migrations (sightings, cases, audit) here.
public enum ParkScanMigrations {
    /// The migrator with every migration, oldest first.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-rights", migrate: createRightsTables)
        return migrator
    }

    /// v1: resident permits, paid sessions and exemptions.
    ///
    /// `plate` is the exact match key (`M-AB 1234` for German plates, normalized text for
    /// foreign ones), `country` the distinguishing sign (`D`, `NL`, ...). Areas and zones
    /// are JSON arrays of text: they are always read with their right, never searched on
    /// their own. Times are GRDB's UTC text (`yyyy-MM-dd HH:mm:ss.SSS`), so they compare as
    /// text; validity intervals are half-open [validFrom, validTo).
    static func createRightsTables(_ db: Database) throws {
        try db.create(table: "residentPermit") { t in
            t.primaryKey("reference", .text)
            t.column("plate", .text).notNull()
            t.column("country", .text).notNull()
            t.column("areas", .text).notNull()
            t.column("validFrom", .datetime).notNull()
            t.column("validTo", .datetime).notNull()
            t.check(sql: "validFrom < validTo")
        }
        try db.create(index: "residentPermit_plate_validTo", on: "residentPermit", columns: ["plate", "validTo"])

        try db.create(table: "paidSession") { t in
            t.column("source", .text).notNull()
            t.column("reference", .text).notNull()
            t.primaryKey(["source", "reference"])
            t.column("plate", .text).notNull()
            t.column("country", .text).notNull()
            t.column("zone", .text).notNull()
            t.column("startTime", .datetime).notNull()
            t.column("endTime", .datetime).notNull()
            t.check(sql: "startTime < endTime")
        }
        try db.create(index: "paidSession_plate_zone_endTime", on: "paidSession", columns: ["plate", "zone", "endTime"])

        try db.create(table: "exemption") { t in
            t.primaryKey("reference", .text)
            t.column("plate", .text).notNull()
            t.column("country", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("zones", .text).notNull()
            t.column("validFrom", .datetime).notNull()
            t.column("validTo", .datetime).notNull()
            t.check(sql: "validFrom < validTo")
        }
        try db.create(index: "exemption_plate_validTo", on: "exemption", columns: ["plate", "validTo"])
    }
}
