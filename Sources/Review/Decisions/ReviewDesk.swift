import Enforcement
import Foundation
import GRDB
import Scanning

/// Decisions on cases: confirm, reject, correct the plate.
///
/// Each decision runs in one write transaction: the case is read, checked (it exists, it is
/// still pending, it is at the revision the reviewer saw), changed by an UPDATE guarded by
/// status and revision, and the audit entry appended. Of two reviewers deciding the same case
/// the first decision stands; the second gets a ``ReviewError`` with code `.conflict` (or
/// `.caseClosed`) naming who decided what, and nothing changes.
public struct ReviewDesk: Sendable {
    public let database: ParkScanDatabase
    public let reviewer: String
    /// The clock decisions are stamped with (tests set it).
    public var now: @Sendable () -> Date = { Date() }

    public init(database: ParkScanDatabase, reviewer: String) {
        self.database = database
        self.reviewer = reviewer
    }

    /// Confirms the case: the reviewer saw the violation on the photos.
    @discardableResult
    public func confirm(_ id: Int64, seenRevision: Int? = nil) throws -> ReviewedCase {
        try decide(id, seenRevision: seenRevision, action: .confirm) { _ in
            Change(status: .confirmed, reason: nil, note: nil)
        }
    }

    /// Rejects the case for `reason`; `other` needs a note saying what.
    @discardableResult
    public func reject(_ id: Int64, reason: RejectionReason, note: String? = nil, seenRevision: Int? = nil) throws -> ReviewedCase {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason == .other, note?.isEmpty ?? true {
            throw ReviewError(.invalidInput, "case \(id): reason \"other\" needs --note saying why")
        }
        return try decide(id, seenRevision: seenRevision, action: .reject) { _ in
            Change(status: .rejected, reason: reason, note: note?.isEmpty == true ? nil : note)
        }
    }

    /// Corrects the plate of a pending case. When the zone's rule finds the corrected plate
    /// compliant (it has a right), the case is closed as rejected in the same step, with the
    /// reason and the right in the note; otherwise it stays pending under the new plate.
    @discardableResult
    public func correct(_ id: Int64, plate text: String, country: String? = nil, recheck: PlateRecheck,
                        seenRevision: Int? = nil) throws -> ReviewedCase {
        let key: PlateKey
        do { key = try PlateKey(parsing: text, country: country, grammar: ReaderPlateGrammar()) } catch {
            throw ReviewError(.invalidInput, "case \(id): \(error.message)")
        }
        return try decide(id, seenRevision: seenRevision, action: .correct) { found in
            guard key.key != found.plate || key.country != (found.country ?? PlateKey.germany) else {
                throw ReviewError(.invalidInput, "case \(id): the plate is already \(key)")
            }
            if let right = try recheck.compliance(of: key, in: found) {
                let (reason, note) = PlateRecheck.rejection(for: right, plate: key)
                return Change(status: .rejected, reason: reason, note: note, plate: key)
            }
            return Change(status: .pendingReview, reason: nil, note: nil, plate: key)
        }
    }

    /// What a decision changes.
    struct Change {
        var status: CaseStatus
        var reason: RejectionReason?
        var note: String?
        var plate: PlateKey?
    }

    private func decide(_ id: Int64, seenRevision: Int?, action: AuditAction,
                        change: (ReviewedCase) throws -> Change) throws -> ReviewedCase {
        try database.writer.write { db in
            let found = try ReviewedCase.fetch(id: id, in: db)
            if let seenRevision, found.revision != seenRevision {
                throw ReviewError(.conflict, "case \(id) changed since you saw it: \(Self.lastDecision(found)); "
                    + "your \(action.rawValue) was not recorded")
            }
            guard found.caseStatus == .pendingReview else {
                throw ReviewError(.caseClosed, "case \(id) was already decided: \(Self.lastDecision(found)); "
                    + "only pending cases take decisions, nothing changed")
            }
            let change = try change(found)
            let time = now()
            let plate = change.plate
            try db.execute(sql: """
                UPDATE enforcementCase
                SET status = ?, reviewer = ?, reviewedAt = ?, rejectionReason = ?, reviewNote = ?,
                    plate = COALESCE(?, plate), country = CASE WHEN ? IS NULL THEN country ELSE ? END,
                    originalPlate = CASE WHEN ? IS NULL THEN originalPlate ELSE COALESCE(originalPlate, plate) END,
                    revision = revision + 1
                WHERE id = ? AND status = ? AND revision = ?
                """, arguments: [change.status.rawValue, reviewer, time, change.reason?.rawValue, change.note,
                                 plate?.key, plate?.key, plate?.country, plate?.key,
                                 id, CaseStatus.pendingReview.rawValue, found.revision])
            guard db.changesCount == 1 else {
                throw ReviewError(.conflict, "case \(id) was decided by someone else meanwhile; your \(action.rawValue) was not recorded")
            }
            let updated = try ReviewedCase.fetch(id: id, in: db)
            try AuditTrail.append(action: action, reviewer: reviewer, caseId: id, before: Self.auditFields(found),
                                  after: Self.auditFields(updated), at: time, in: db)
            return updated
        }
    }

    /// "confirmed by alice at 2025-11-04T10:02:34+01:00".
    static func lastDecision(_ found: ReviewedCase) -> String {
        var text = "\(found.status)"
        if let reviewer = found.reviewer { text += " by \(reviewer)" }
        if let at = found.reviewedAt { text += " at \(ReviewTime.text(at))" }
        if let reason = found.rejectionReason { text += ", reason \(reason)" }
        return text
    }

    /// The fields of a case the audit trail records before and after a decision.
    static func auditFields(_ found: ReviewedCase) -> [String: String] {
        var fields = ["status": found.status, "plate": found.plate, "revision": String(found.revision)]
        if let country = found.country { fields["country"] = country }
        if let reason = found.rejectionReason { fields["reason"] = reason }
        if let note = found.reviewNote { fields["note"] = note }
        return fields
    }
}
