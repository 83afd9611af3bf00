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
        migrator.registerMigration("v2-scanning", migrate: createScanningTables)
        migrator.registerMigration("v3-review", migrate: createReviewTables)
        migrator.registerMigration("v4-live", migrate: addLiveScanProgress)
        migrator.registerMigration("v5-pending-frame", migrate: addPendingFrame)
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

    /// v2: what `parkscan scan` writes: scan progress, pending sightings (keyed and
    /// encrypted), suspected-violation cases with their sightings and evidence, occupancy.
    ///
    /// Data protection: no table here ever holds the plate of a compliant car. Pending first
    /// sightings hold only `plateHash` (HMAC-SHA256 of the plate key under the day's
    /// `pendingKey`) and AES-GCM sealed details and evidence under the same key; deleting the
    /// key row (ON DELETE CASCADE takes its sightings) makes them unreadable for good
    /// (crypto-shredding). Only `enforcementCase` holds plates in clear: suspected violations,
    /// kept until reviewed.
    static func createScanningTables(_ db: Database) throws {
        // One row per scanned drive: where a resumed scan goes on, and its counters.
        try db.create(table: "scanRun") { t in
            t.primaryKey("id", .text)
            t.column("drivePath", .text).notNull()
            t.column("vehicle", .text).notNull()
            t.column("frameCount", .integer).notNull()
            t.column("nextFrame", .integer).notNull().defaults(to: 0)
            t.column("passCount", .integer).notNull().defaults(to: 0)
            t.column("framesRead", .integer).notNull().defaults(to: 0)
            t.column("unreadableFrames", .integer).notNull().defaults(to: 0)
            t.column("sightings", .integer).notNull().defaults(to: 0)
            t.column("compliant", .integer).notNull().defaults(to: 0)
            t.column("pending", .integer).notNull().defaults(to: 0)
            t.column("cases", .integer).notNull().defaults(to: 0)
            t.column("unread", .integer).notNull().defaults(to: 0)
            t.column("unlocated", .integer).notNull().defaults(to: 0)
            t.column("notEnforced", .integer).notNull().defaults(to: 0)
            t.column("completedAt", .datetime)
        }

        // The secret keys of pending sightings, one per Berlin calendar day (`yyyy-MM-dd`).
        try db.create(table: "pendingKey") { t in
            t.primaryKey("day", .text)
            t.column("key", .blob).notNull()
            t.column("destroyAfter", .datetime).notNull()
        }

        try db.create(table: "pendingSighting") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("keyDay", .text).notNull().references("pendingKey", onDelete: .cascade)
            t.column("plateHash", .blob).notNull()
            t.column("zone", .text).notNull()
            t.column("seenAt", .datetime).notNull()
            t.column("decideAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("scanRun", .text).notNull()
            t.column("sealedDetails", .blob).notNull()
            t.column("sealedOverview", .blob)
            t.column("sealedCrop", .blob)
        }
        try db.create(index: "pendingSighting_plateHash_zone", on: "pendingSighting", columns: ["plateHash", "zone"])
        try db.create(index: "pendingSighting_expiresAt", on: "pendingSighting", columns: ["expiresAt"])
        try db.create(index: "pendingSighting_keyDay", on: "pendingSighting", columns: ["keyDay"])

        // Suspected violations, for a person to review. `status` starts `pending_review`.
        try db.create(table: "enforcementCase") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("scanRun", .text).notNull()
            t.column("plate", .text).notNull()
            t.column("country", .text)
            t.column("zone", .text).notNull()
            t.column("rule", .text).notNull()
            t.column("detail", .text).notNull()
            t.column("status", .text).notNull().defaults(to: "pending_review")
            t.column("firstSeen", .datetime).notNull()
            t.column("lastSeen", .datetime).notNull()
            t.uniqueKey(["scanRun", "zone", "plate", "lastSeen"])
        }
        try db.create(index: "enforcementCase_status", on: "enforcementCase", columns: ["status"])

        // Each sighting of a case: time, place, how sure the read was and what else it could be.
        try db.create(table: "caseSighting") { t in
            t.column("caseId", .integer).notNull().references("enforcementCase", onDelete: .cascade)
            t.column("ordinal", .integer).notNull()
            t.primaryKey(["caseId", "ordinal"])
            t.column("seenAt", .datetime).notNull()
            t.column("camera", .text).notNull()
            t.column("frame", .text).notNull()
            t.column("latitude", .double)
            t.column("longitude", .double)
            t.column("confidence", .double).notNull()
            t.column("agreement", .double).notNull()
            t.column("readCount", .integer).notNull()
            t.column("alternatives", .text).notNull()
        }

        // Evidence files of a case's sightings (relative to the evidence folder) and their SHA-256.
        try db.create(table: "caseEvidence") { t in
            t.column("caseId", .integer).notNull().references("enforcementCase", onDelete: .cascade)
            t.column("ordinal", .integer).notNull()
            t.column("kind", .text).notNull()
            t.primaryKey(["caseId", "ordinal", "kind"])
            t.column("path", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("byteCount", .integer).notNull()
        }

        // Occupancy per zone and pass (`granularity` = 'pass') or time bucket ('bucket'),
        // for the DATEX II export. Counts are vehicles; dwell is summed over the cars seen in
        // two passes (`dwellCount` of them).
        try db.create(table: "zoneOccupancy") { t in
            t.column("scanRun", .text).notNull()
            t.column("zone", .text).notNull()
            t.column("granularity", .text).notNull()
            t.column("periodStart", .datetime).notNull()
            t.primaryKey(["scanRun", "zone", "granularity", "periodStart"])
            t.column("periodEnd", .datetime).notNull()
            t.column("pass", .integer)
            t.column("capacity", .integer).notNull()
            t.column("vehicles", .integer).notNull()
            t.column("resident", .integer).notNull()
            t.column("paid", .integer).notNull()
            t.column("exempt", .integer).notNull()
            t.column("suspected", .integer).notNull()
            t.column("unread", .integer).notNull()
            t.column("unchecked", .integer).notNull()
            t.column("dwellSeconds", .double).notNull()
            t.column("dwellCount", .integer).notNull()
        }
    }

    /// v3: the back-office review (`parkscan review`): decisions on cases, the hash-chained
    /// audit trail, exports for the fines office, and where each scan put its evidence.
    ///
    /// Statuses of `enforcementCase.status`: `pending_review` -> `confirmed` -> `exported`, or
    /// `rejected`. `revision` counts decisions, so that a reviewer's decision on a case that
    /// changed since it was shown is refused (two reviewers, one case). `originalPlate` keeps
    /// the plate as read when a reviewer corrected it.
    ///
    /// `auditEntry` is append-only: `entryHash` = SHA-256 over the canonical form of the entry
    /// including `previousHash` (see Sources/Review/Audit). Personal data (plates) is only in
    /// `payload`, which carries a random salt; a purge erases the payload and keeps
    /// `payloadDigest`, so the chain still verifies and the digest cannot be traced to a plate.
    /// `auditHead` holds the last sequence number and hash, so a deleted tail is noticed.
    static func createReviewTables(_ db: Database) throws {
        try db.alter(table: "enforcementCase") { t in
            t.add(column: "revision", .integer).notNull().defaults(to: 0)
            t.add(column: "reviewer", .text)
            t.add(column: "reviewedAt", .datetime)
            t.add(column: "rejectionReason", .text)
            t.add(column: "reviewNote", .text)
            t.add(column: "originalPlate", .text)
            t.add(column: "exportBatch", .text)
            t.add(column: "exportedAt", .datetime)
        }
        try db.create(index: "enforcementCase_lastSeen", on: "enforcementCase", columns: ["lastSeen"])

        // The evidence folder of a scan as `parkscan scan --evidence` gave it (absolute).
        try db.alter(table: "scanRun") { t in
            t.add(column: "evidenceFolder", .text)
        }

        try db.create(table: "auditEntry") { t in
            t.primaryKey("sequence", .integer)
            t.column("recordedAt", .text).notNull()
            t.column("reviewer", .text).notNull()
            t.column("action", .text).notNull()
            t.column("caseId", .integer)
            t.column("payload", .text)
            t.column("payloadDigest", .text).notNull()
            t.column("previousHash", .text).notNull()
            t.column("entryHash", .text).notNull()
        }
        try db.create(index: "auditEntry_caseId", on: "auditEntry", columns: ["caseId"])

        try db.create(table: "auditHead") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("sequence", .integer).notNull()
            t.column("entryHash", .text).notNull()
        }
    }

    /// v4: scans commit each sighting as its track closes (`parkscan watch` cannot wait for a
    /// pass to end). `decidedThrough`: the sightings that closed before this frame are
    /// decided; a resumed scan reads again from `nextFrame` (its pass's first frame) and only
    /// notes those again.
    static func addLiveScanProgress(_ db: Database) throws {
        try db.alter(table: "scanRun") { t in
            t.add(column: "decidedThrough", .integer).notNull().defaults(to: 0)
        }
    }

    /// v5: a pending first sighting keeps its frame as the camera took it (sealed) instead of
    /// the evidence images rendered from it: they are rendered, faces blurred, only if it
    /// becomes a case. Rows stored before keep their rendered images.
    static func addPendingFrame(_ db: Database) throws {
        try db.alter(table: "pendingSighting") { t in
            t.add(column: "sealedFrame", .blob)
        }
    }
}
