import Enforcement
import Foundation
import GRDB
import Scanning

/// Hands confirmed cases to the fines office (Bußgeldstelle): a batch folder with
/// `cases.csv`, `cases.json` and each case's evidence files, copied and checked against the
/// SHA-256 in the database.
///
/// A case whose evidence is missing or changed on disk is refused (it stays confirmed and is
/// reported); the others are exported. Exported cases get status `exported` and their batch,
/// in the same transaction as their audit entries, so exporting again never exports a case
/// twice. The batch is written to a hidden folder and renamed into place just before the
/// transaction commits: a failed export leaves neither a batch nor a changed status behind.
public struct FinesExport: Sendable {
    public let database: ParkScanDatabase
    public let location: EvidenceLocation
    public let reviewer: String
    public var now: @Sendable () -> Date = { Date() }

    public init(database: ParkScanDatabase, location: EvidenceLocation, reviewer: String) {
        self.database = database
        self.location = location
        self.reviewer = reviewer
    }

    /// What an export did.
    public struct Result: Sendable {
        /// The batch folder, nil when there was nothing to export.
        public var folder: String?
        public var batch: String
        public var exported: [Int64]
        /// Refused cases with every problem of their evidence.
        public var refused: [(id: Int64, problems: [String])]
    }

    public func run(into output: String) throws -> Result {
        let time = now()
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw ReviewError(.io, "\(output): cannot create the export folder: \(error.localizedDescription)")
        }
        var result = Result(folder: nil, batch: Self.batchName(time), exported: [], refused: [])
        var stagingFolder: URL?, batchFolder: URL?
        do {
            try database.writer.write { db in
                // Named inside the write transaction, which exporters of one database take in
                // turn: two exports in the same second get `…-2`, not a clash.
                let batch = Self.freeBatchName(time, in: output)
                result.batch = batch
                let target = URL(fileURLWithPath: output).appendingPathComponent(batch)
                let staging = URL(fileURLWithPath: output).appendingPathComponent(".\(batch).partial")
                (batchFolder, stagingFolder) = (target, staging)
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM enforcementCase WHERE status = ? ORDER BY id",
                                             arguments: [CaseStatus.confirmed.rawValue])
                var rows: [ExportedCase] = []
                for id in ids {
                    let dossier = try CaseDossier.load(id, location: location, in: db)
                    let problems = dossier.evidenceProblems
                    guard problems.isEmpty else {
                        result.refused.append((id, problems))
                        continue
                    }
                    rows.append(try copy(dossier, into: staging))
                }
                guard !rows.isEmpty else { return }
                try write(rows, batch: batch, into: staging)
                for row in rows {
                    let before = try ReviewedCase.fetch(id: row.caseId, in: db)
                    try db.execute(sql: """
                        UPDATE enforcementCase SET status = ?, exportBatch = ?, exportedAt = ?, revision = revision + 1
                        WHERE id = ? AND status = ?
                        """, arguments: [CaseStatus.exported.rawValue, batch, time, row.caseId, CaseStatus.confirmed.rawValue])
                    let after = try ReviewedCase.fetch(id: row.caseId, in: db)
                    var afterFields = ReviewDesk.auditFields(after)
                    afterFields["batch"] = batch
                    try AuditTrail.append(action: .export, reviewer: reviewer, caseId: row.caseId,
                                          before: ReviewDesk.auditFields(before), after: afterFields, at: time, in: db)
                }
                do {
                    try FileManager.default.moveItem(at: staging, to: target)
                } catch {
                    throw ReviewError(.io, "\(target.path): cannot finish the export: \(error.localizedDescription)")
                }
                result.exported = rows.map(\.caseId)
                result.folder = target.path
            }
        } catch {
            if let stagingFolder { try? FileManager.default.removeItem(at: stagingFolder) }
            if result.folder != nil, let batchFolder { try? FileManager.default.removeItem(at: batchFolder) }
            throw error
        }
        if let stagingFolder { try? FileManager.default.removeItem(at: stagingFolder) }
        return result
    }

    /// Copies the dossier's evidence to `<staging>/case-<id>/` and checks the copies' SHA-256.
    private func copy(_ dossier: CaseDossier, into staging: URL) throws -> ExportedCase {
        let id = dossier.case.id
        let folder = staging.appendingPathComponent("case-\(id)")
        var files: [ExportedCase.File] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for evidence in dossier.evidence {
                guard let source = evidence.file else { continue }
                let name = "\(evidence.record.ordinal)-\(evidence.record.kind).\(URL(fileURLWithPath: source).pathExtension)"
                let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
                let copyURL = folder.appendingPathComponent(name)
                try bytes.write(to: copyURL)
                let copied = try Data(contentsOf: copyURL)
                guard EvidenceFile.sha256Hex(copied) == evidence.record.sha256 else {
                    throw ReviewError(.evidence, "case \(id): the copy \(copyURL.path) does not match SHA-256 \(evidence.record.sha256)")
                }
                files.append(.init(sighting: evidence.record.ordinal, kind: evidence.record.kind, path: "case-\(id)/\(name)",
                                   sha256: evidence.record.sha256, bytes: evidence.record.byteCount))
            }
        } catch let error as ReviewError {
            throw error
        } catch {
            throw ReviewError(.io, "case \(id): cannot copy evidence to \(folder.path): \(error.localizedDescription)")
        }
        return ExportedCase(dossier: dossier, files: files)
    }

    private func write(_ rows: [ExportedCase], batch: String, into staging: URL) throws {
        let csv = ExportedCase.csvHeader + "\r\n" + rows.map(\.csvLine).joined(separator: "\r\n") + "\r\n"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(ExportBatch(batch: batch, exportedBy: reviewer, exportedAt: ReviewTime.text(now()), cases: rows))
        do {
            try Data(csv.utf8).write(to: staging.appendingPathComponent("cases.csv"))
            try json.write(to: staging.appendingPathComponent("cases.json"))
        } catch {
            throw ReviewError(.io, "\(staging.path): cannot write cases.csv/cases.json: \(error.localizedDescription)")
        }
    }

    /// `export-20251104-101500` (UTC), sortable.
    /// The batch name for `date` that no folder in `output` has yet: `export-…`, `export-…-2`, …
    static func freeBatchName(_ date: Date, in output: String) -> String {
        let base = batchName(date)
        var name = base, number = 1
        while FileManager.default.fileExists(atPath: URL(fileURLWithPath: output).appendingPathComponent(name).path) {
            number += 1
            name = "\(base)-\(number)"
        }
        return name
    }

    static func batchName(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "export-" + formatter.string(from: date)
    }
}

/// `cases.json`.
struct ExportBatch: Encodable {
    var batch: String
    var exportedBy: String
    var exportedAt: String
    var cases: [ExportedCase]
}
