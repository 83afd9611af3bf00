import Foundation
import GRDB

/// A suspected violation, for a person to review (`enforcementCase`).
public struct CaseRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "enforcementCase"
    /// The status a new case has.
    public static let pendingReview = "pending_review"

    public var id: Int64?
    public var scanRun: String
    public var plate: String
    public var country: String?
    public var zone: String
    public var rule: String
    public var detail: String
    public var status: String
    public var firstSeen: Date
    public var lastSeen: Date

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let scanRun = Column(CodingKeys.scanRun)
        public static let status = Column(CodingKeys.status)
        public static let firstSeen = Column(CodingKeys.firstSeen)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One sighting of a case (`caseSighting`); `ordinal` 1 is the first.
public struct CaseSightingRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "caseSighting"

    public var caseId: Int64
    public var ordinal: Int
    public var seenAt: Date
    public var camera: String
    public var frame: String
    public var latitude: Double?
    public var longitude: Double?
    public var confidence: Double
    public var agreement: Double
    public var readCount: Int
    /// JSON array of `{"text", "confidence"}`, best first.
    public var alternatives: String

    public enum Columns {
        public static let caseId = Column(CodingKeys.caseId)
        public static let ordinal = Column(CodingKeys.ordinal)
    }
}

/// An evidence file of a case sighting (`caseEvidence`).
public struct CaseEvidenceRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "caseEvidence"

    public var caseId: Int64
    public var ordinal: Int
    /// `overview` or `plate`.
    public var kind: String
    public var path: String
    public var sha256: String
    public var byteCount: Int

    public enum Columns {
        public static let caseId = Column(CodingKeys.caseId)
        public static let ordinal = Column(CodingKeys.ordinal)
    }
}
