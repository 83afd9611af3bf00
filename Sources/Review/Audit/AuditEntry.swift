import Crypto
import Foundation
import GRDB

/// One entry of the audit trail (`auditEntry`): who did what to which case, when, with the
/// state before and after, chained to the entry before it.
///
/// `entryHash` = SHA-256 of ``canonicalForm`` (sequence, time, reviewer, action, case,
/// payload digest and the previous entry's hash), so changing, removing or moving any entry
/// breaks the chain from there on. The payload (before/after, which may hold plates) is hashed
/// separately with a random salt: a purge erases it and keeps the digest, the chain still
/// verifies, and the digest reveals nothing about the erased plate.
public struct AuditEntry: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "auditEntry"
    /// The previous hash of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    public var sequence: Int64
    /// UTC, `2026-11-26T16:50:03.123Z`: stored as text so it hashes exactly as written.
    public var recordedAt: String
    public var reviewer: String
    public var action: String
    public var caseId: Int64?
    /// JSON `{"after":{...},"before":{...},"salt":"..."}`; nil once erased by a purge.
    public var payload: String?
    public var payloadDigest: String
    public var previousHash: String
    public var entryHash: String

    public enum Columns {
        public static let sequence = Column(CodingKeys.sequence)
        public static let caseId = Column(CodingKeys.caseId)
    }

    /// The bytes `entryHash` is computed over, with the entry written as number `sequence`.
    static func canonicalForm(sequence: Int64, recordedAt: String, reviewer: String, action: String, caseId: Int64?,
                              payloadDigest: String, previousHash: String) -> Data {
        struct Canonical: Encodable {
            let sequence: Int64, recordedAt: String, reviewer: String, action: String, caseId: Int64?
            let payloadDigest: String, previousHash: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(Canonical(sequence: sequence, recordedAt: recordedAt, reviewer: reviewer, action: action,
                                                  caseId: caseId, payloadDigest: payloadDigest, previousHash: previousHash))) ?? Data()
        return Data("parkscan-audit-v1\n".utf8) + body
    }

    /// The hash this entry's content gives when written as number `sequence`.
    func computedHash(asSequence sequence: Int64) -> String {
        Self.hex(SHA256.hash(data: Self.canonicalForm(sequence: sequence, recordedAt: recordedAt, reviewer: reviewer,
                                                      action: action, caseId: caseId, payloadDigest: payloadDigest,
                                                      previousHash: previousHash)))
    }

    /// The decoded payload, nil when erased or unreadable.
    public var decodedPayload: AuditPayload? {
        payload.flatMap { try? JSONDecoder().decode(AuditPayload.self, from: Data($0.utf8)) }
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}

/// What an entry records about the case: its fields before and after (status, plate,
/// reason, note, ...), and a random salt so that the payload's digest cannot be matched
/// against guessed plates once the payload is erased.
public struct AuditPayload: Sendable, Codable, Equatable {
    public var before: [String: String]?
    public var after: [String: String]?
    public var salt: String
}
