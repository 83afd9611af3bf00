import Foundation
import GRDB
import Scanning

/// Everything about one case: the case, its sightings, its evidence files checked against
/// their SHA-256, and its audit entries.
public struct CaseDossier: Sendable {
    public var `case`: ReviewedCase
    public var sightings: [CaseSightingRecord]
    public var evidence: [CheckedEvidence]
    public var audit: [AuditEntry]
    /// The evidence folder the files were looked for in.
    public var evidenceFolder: String

    /// Problems with the evidence (missing files, hash mismatches), one line each.
    public var evidenceProblems: [String] { evidence.compactMap(\.problem) }

    /// The lowest read confidence of the sightings.
    public var readConfidence: Double? { sightings.map(\.confidence).min() }

    /// The dossier of case `id`; the files are read and hashed outside the transaction.
    public static func load(_ id: Int64, location: EvidenceLocation, from reader: any DatabaseReader) throws -> CaseDossier {
        let (dossier, folder) = try reader.read { db in try rows(id, location: location, in: db) }
        return dossier.checked(folder: folder)
    }

    /// The dossier of case `id` inside the caller's transaction (export: the check and the
    /// status change must see the same case).
    public static func load(_ id: Int64, location: EvidenceLocation, in db: Database) throws -> CaseDossier {
        let (dossier, folder) = try rows(id, location: location, in: db)
        return dossier.checked(folder: folder)
    }

    private static func rows(_ id: Int64, location: EvidenceLocation, in db: Database) throws -> (Unchecked, String) {
        let found = try ReviewedCase.fetch(id: id, in: db)
        let unchecked = Unchecked(
            case: found,
            sightings: try CaseSightingRecord.filter(CaseSightingRecord.Columns.caseId == id)
                .order(CaseSightingRecord.Columns.ordinal).fetchAll(db),
            evidence: try CaseEvidenceRecord.filter(CaseEvidenceRecord.Columns.caseId == id)
                .order(CaseEvidenceRecord.Columns.ordinal, Column("kind").desc).fetchAll(db),
            audit: try AuditTrail.entries(caseId: id, in: db))
        return (unchecked, try location.folder(scanRun: found.scanRun, in: db))
    }

    /// The rows of a dossier before its files are checked.
    private struct Unchecked {
        var `case`: ReviewedCase
        var sightings: [CaseSightingRecord]
        var evidence: [CaseEvidenceRecord]
        var audit: [AuditEntry]

        func checked(folder: String) -> CaseDossier {
            CaseDossier(case: self.case, sightings: sightings, evidence: evidence.map { CheckedEvidence.check($0, folder: folder) },
                        audit: audit, evidenceFolder: folder)
        }
    }

    /// The evidence file of `kind` (`overview`, `plate`) of sighting `ordinal`.
    public func file(kind: String, ordinal: Int) -> CheckedEvidence? {
        evidence.first { $0.record.kind == kind && $0.record.ordinal == ordinal }
    }
}
