import Crypto
import Foundation
import GRDB

/// The append-only, hash-chained record of every decision (see ``AuditEntry``). Every method
/// runs inside the caller's write transaction, so a decision and its entry are committed
/// together or not at all.
public enum AuditTrail {
    /// Appends an entry after the current last one and moves the head.
    @discardableResult
    public static func append(action: AuditAction, reviewer: String, caseId: Int64?, before: [String: String]?,
                              after: [String: String]?, at date: Date, in db: Database) throws -> AuditEntry {
        let last = try AuditEntry.order(AuditEntry.Columns.sequence.desc).fetchOne(db)
        let sequence = (last?.sequence ?? 0) + 1
        let previousHash = last?.entryHash ?? AuditEntry.genesisHash
        let payload = try Self.payloadText(AuditPayload(before: before, after: after, salt: randomSalt()))
        let digest = AuditEntry.hex(SHA256.hash(data: Data(payload.utf8)))
        var entry = AuditEntry(sequence: sequence, recordedAt: timestamp(date), reviewer: reviewer, action: action.rawValue,
                               caseId: caseId, payload: payload, payloadDigest: digest, previousHash: previousHash, entryHash: "")
        entry.entryHash = entry.computedHash(asSequence: sequence)
        try entry.insert(db)
        try db.execute(sql: """
            INSERT INTO auditHead (id, sequence, entryHash) VALUES (1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET sequence = excluded.sequence, entryHash = excluded.entryHash
            """, arguments: [sequence, entry.entryHash])
        return entry
    }

    /// Erases the payloads of `caseIds`' entries (their plates), keeping digests and hashes.
    static func erasePayloads(ofCases caseIds: [Int64], in db: Database) throws {
        for id in caseIds {
            try db.execute(sql: "UPDATE auditEntry SET payload = NULL WHERE caseId = ?", arguments: [id])
        }
    }

    /// Every entry, in sequence order.
    public static func entries(caseId: Int64? = nil, in db: Database) throws -> [AuditEntry] {
        var request = AuditEntry.order(AuditEntry.Columns.sequence)
        if let caseId { request = request.filter(AuditEntry.Columns.caseId == caseId) }
        return try request.fetchAll(db)
    }

    static func payloadText(_ payload: AuditPayload) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    private static func randomSalt() -> String {
        SymmetricKey(size: .bits128).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
    }
}
