import Crypto
import Foundation
import GRDB

/// A break in the audit trail, at the first sequence number where it shows.
public struct AuditProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The entry's content does not match its hash, or it does not follow its predecessor's hash.
        case edited
        /// Entries are gone (a gap in the numbers, or a deleted tail).
        case missing
        /// The entry was written at another position.
        case reordered
    }

    public var sequence: Int64
    public var kind: Kind
    public var message: String

    public var description: String { "entry \(sequence): \(kind.rawValue): \(message)" }
}

/// The result of ``AuditVerifier/verify(in:)``.
public struct AuditReport: Sendable, Equatable {
    public var entryCount: Int
    /// The last entry's hash (note it outside the database to anchor the trail), nil when empty.
    public var headHash: String?
    /// Every problem, first break first.
    public var problems: [AuditProblem]

    public var isIntact: Bool { problems.isEmpty }
}

/// Checks the audit trail: every entry's hash against its content and its predecessor, the
/// numbering, payloads against their digests (an erased payload is fine only when a later
/// purge entry names its case), and the head against the last entry.
public enum AuditVerifier {
    /// How many broken entries are searched for the position they were written at.
    static let reorderSearchLimit = 32

    public static func verify(in db: Database) throws -> AuditReport {
        let entries = try AuditTrail.entries(in: db)
        let head = try Row.fetchOne(db, sql: "SELECT sequence, entryHash FROM auditHead WHERE id = 1")
        var problems: [AuditProblem] = []
        let purged = purgedCaseIds(entries)
        var previous: AuditEntry?
        var searches = 0
        for (position, entry) in entries.enumerated() {
            let expected = (previous?.sequence ?? 0) + 1
            let expectedPrevious = previous?.entryHash ?? AuditEntry.genesisHash
            defer { previous = entry }
            if entry.sequence > expected {
                let range = expected == entry.sequence - 1 ? "\(expected)" : "\(expected)-\(entry.sequence - 1)"
                problems.append(AuditProblem(sequence: expected, kind: .missing,
                                             message: "entry \(range) deleted (numbers jump from \(expected - 1) to \(entry.sequence))"))
                continue
            }
            if entry.computedHash(asSequence: entry.sequence) != entry.entryHash {
                if searches < reorderSearchLimit, let written = writtenPosition(of: entry, among: entries.count + 1, skipping: entry.sequence) {
                    searches += 1
                    problems.append(AuditProblem(sequence: entry.sequence, kind: .reordered,
                                                 message: "holds the entry written as number \(written) (\(entry.action), \(entry.recordedAt))"))
                } else {
                    searches += 1
                    problems.append(AuditProblem(sequence: entry.sequence, kind: .edited,
                                                 message: "its content (\(entry.action), case \(entry.caseId.map(String.init) ?? "-"), "
                                                     + "\(entry.reviewer), \(entry.recordedAt)) does not match its hash"))
                }
                continue
            }
            if entry.previousHash != expectedPrevious {
                let linked = entries.firstIndex { $0.entryHash == entry.previousHash }
                if let linked, linked != position - 1 {
                    problems.append(AuditProblem(sequence: entry.sequence, kind: .reordered,
                                                 message: "follows the entry now numbered \(entries[linked].sequence), not \(expected - 1)"))
                } else {
                    problems.append(AuditProblem(sequence: max(1, entry.sequence - 1), kind: .edited,
                                                 message: "entry \(entry.sequence) does not follow it: it was changed and its hash recomputed"))
                }
                continue
            }
            if let payload = entry.payload {
                if AuditEntry.hex(SHA256.hash(data: Data(payload.utf8))) != entry.payloadDigest {
                    problems.append(AuditProblem(sequence: entry.sequence, kind: .edited,
                                                 message: "its before/after record does not match its digest"))
                }
            } else if !(entry.caseId.map { id in purged.contains { $0.ids.contains(id) && $0.sequence > entry.sequence } } ?? false) {
                problems.append(AuditProblem(sequence: entry.sequence, kind: .edited,
                                             message: "its before/after record was removed, and no later purge names case \(entry.caseId.map(String.init) ?? "-")"))
            }
        }
        let last = entries.last
        if let head {
            let headSequence: Int64 = head["sequence"]
            let headHash: String = head["entryHash"]
            if headSequence > (last?.sequence ?? 0) {
                let from = (last?.sequence ?? 0) + 1
                problems.append(AuditProblem(sequence: from, kind: .missing,
                                             message: "the trail ends at \(from - 1) but its head records \(headSequence): "
                                                 + "the last \(headSequence - from + 1) entry(s) were deleted"))
            } else if headSequence == last?.sequence, headHash != last?.entryHash {
                problems.append(AuditProblem(sequence: headSequence, kind: .edited, message: "the head records another hash for it"))
            }
        } else if !entries.isEmpty {
            problems.append(AuditProblem(sequence: 1, kind: .edited, message: "the head row (last sequence and hash) is missing"))
        }
        problems.sort { $0.sequence < $1.sequence }
        return AuditReport(entryCount: entries.count, headHash: last?.entryHash, problems: problems)
    }

    /// The number the entry was written as, when its content hashes right under another one.
    private static func writtenPosition(of entry: AuditEntry, among count: Int, skipping own: Int64) -> Int64? {
        // Nearby positions first: reordering is usually local.
        let candidates = (1...Int64(max(1, count))).sorted { abs($0 - own) < abs($1 - own) }
        return candidates.first { $0 != own && entry.computedHash(asSequence: $0) == entry.entryHash }
    }

    /// The cases each purge entry names, with its sequence.
    private static func purgedCaseIds(_ entries: [AuditEntry]) -> [(sequence: Int64, ids: Set<Int64>)] {
        entries.filter { $0.action == AuditAction.purge.rawValue }.map { entry in
            let list = entry.decodedPayload?.after?["cases"] ?? ""
            return (entry.sequence, Set(list.split(separator: ",").compactMap { Int64($0) }))
        }
    }
}
