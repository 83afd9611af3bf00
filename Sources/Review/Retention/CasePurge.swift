import Enforcement
import Foundation
import GRDB
import Scanning

/// Applies the retention settings: deletes the cases whose time is up (rows, sightings,
/// evidence rows) and their evidence files beyond recovery, erases their plates from the
/// audit trail's payloads, runs the pending sightings' wall-clock purge (expired sightings,
/// expired day keys) and truncates the WAL, so that nothing deleted lingers in it.
///
/// The purge is recorded in the audit trail: counts per kind, the case ids and the settings,
/// never a plate.
public struct CasePurge: Sendable {
    public let database: ParkScanDatabase
    public let location: EvidenceLocation
    public let settings: RetentionSettings
    public let reviewer: String
    public var now: @Sendable () -> Date = { Date() }

    public init(database: ParkScanDatabase, location: EvidenceLocation, settings: RetentionSettings, reviewer: String) {
        self.database = database
        self.location = location
        self.settings = settings
        self.reviewer = reviewer
    }

    /// A case whose time is up.
    public struct Expired: Sendable, Equatable {
        public var id: Int64
        public var status: CaseStatus
        /// The evidence files (absolute) to erase.
        public var files: [String]
        public var evidenceFolder: String
    }

    /// What a purge deletes (or, dry, would delete).
    public struct Result: Sendable {
        public var cases: [Expired]
        public var pendingSightings: Int
        public var dayKeys: Int
        /// Files that could not be erased (the rows are gone; erase them by hand).
        public var failures: [String]
        public var dryRun: Bool

        public func count(_ status: CaseStatus) -> Int { cases.filter { $0.status == status }.count }
    }

    /// The cases whose time is up at ``now``.
    public func expired(in db: Database) throws -> [Expired] {
        let time = now()
        let day: TimeInterval = 86400
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, status, scanRun FROM enforcementCase
            WHERE (status = ? AND lastSeen <= ?) OR (status = ? AND reviewedAt <= ?) OR (status = ? AND exportedAt <= ?)
            ORDER BY id
            """, arguments: [CaseStatus.pendingReview.rawValue, time.addingTimeInterval(-settings.unreviewedDays * day),
                             CaseStatus.rejected.rawValue, time.addingTimeInterval(-settings.rejectedDays * day),
                             CaseStatus.exported.rawValue, time.addingTimeInterval(-settings.exportedDays * day)])
        return try rows.map { row in
            let id: Int64 = row["id"]
            let folder = try location.folder(scanRun: row["scanRun"], in: db)
            let paths = try String.fetchAll(db, sql: "SELECT path FROM caseEvidence WHERE caseId = ? ORDER BY ordinal, kind",
                                            arguments: [id])
            return Expired(id: id, status: CaseStatus(rawValue: row["status"]) ?? .pendingReview,
                           files: paths.compactMap { EvidenceLocation.file($0, in: folder) }, evidenceFolder: folder)
        }
    }

    /// What a purge now would delete; changes nothing.
    public func dryRun() throws -> Result {
        let time = now()
        return try database.writer.read { db in
            let cases = try expired(in: db)
            let sightings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pendingSighting WHERE expiresAt <= ?", arguments: [time]) ?? 0
            let keys = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pendingKey WHERE destroyAfter <= ?", arguments: [time]) ?? 0
            return Result(cases: cases, pendingSightings: sightings, dayKeys: keys, failures: [], dryRun: true)
        }
    }

    /// Deletes what is due, records the purge, then erases the files and truncates the WAL.
    public func run() throws -> Result {
        let time = now()
        var result = try database.writer.write { db in
            let cases = try expired(in: db)
            let ids = cases.map(\.id)
            for id in ids {
                try db.execute(sql: "DELETE FROM enforcementCase WHERE id = ?", arguments: [id])
            }
            try AuditTrail.erasePayloads(ofCases: ids, in: db)
            let pending = try PendingStore.purgeExpired(now: time, in: db)
            var after = settings.auditFields
            after["cases"] = ids.map(String.init).joined(separator: ",")
            for status in CaseStatus.allCases {
                after[status.rawValue] = String(cases.filter { $0.status == status }.count)
            }
            after["pendingSightings"] = String(pending.sightings)
            after["dayKeys"] = String(pending.keys)
            if !ids.isEmpty || pending.sightings > 0 || pending.keys > 0 {
                try AuditTrail.append(action: .purge, reviewer: reviewer, caseId: nil, before: nil, after: after, at: time, in: db)
            }
            return Result(cases: cases, pendingSightings: pending.sightings, dayKeys: pending.keys, failures: [], dryRun: false)
        }
        for expired in result.cases {
            for file in expired.files {
                do { try SecureErase.erase(file) } catch { result.failures.append(error.message) }
            }
            if let first = expired.files.first {
                SecureErase.removeEmptyFolders(from: (first as NSString).deletingLastPathComponent, upTo: expired.evidenceFolder)
            }
        }
        // secure_delete zeroed the freed pages; TRUNCATE also empties the WAL that held them.
        do {
            try database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            result.failures.append("\(database.writer.path): WAL not truncated (a reader kept it busy: run purge again): \(error)")
        }
        return result
    }
}
