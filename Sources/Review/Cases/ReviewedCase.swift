import Foundation
import GRDB

/// A case as the back office sees it: the scan's columns plus the review's (`v3-review`).
public struct ReviewedCase: Sendable, Codable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "enforcementCase"

    public var id: Int64
    public var scanRun: String
    public var plate: String
    public var country: String?
    public var zone: String
    public var rule: String
    public var detail: String
    public var status: String
    public var firstSeen: Date
    public var lastSeen: Date
    /// Decisions taken so far; a decision names the revision its reviewer saw.
    public var revision: Int
    public var reviewer: String?
    public var reviewedAt: Date?
    public var rejectionReason: String?
    public var reviewNote: String?
    /// The plate as read, when a reviewer corrected it.
    public var originalPlate: String?
    public var exportBatch: String?
    public var exportedAt: Date?

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let status = Column(CodingKeys.status)
        public static let zone = Column(CodingKeys.zone)
        public static let lastSeen = Column(CodingKeys.lastSeen)
        public static let reviewedAt = Column(CodingKeys.reviewedAt)
        public static let exportedAt = Column(CodingKeys.exportedAt)
    }

    /// The status as a value (nil for a status this version does not know).
    public var caseStatus: CaseStatus? { CaseStatus(rawValue: status) }

    /// The case with `id`, or an error naming it.
    static func fetch(id: Int64, in db: Database) throws -> ReviewedCase {
        guard let found = try ReviewedCase.fetchOne(db, key: id) else {
            throw ReviewError(.unknownCase, "case \(id): no such case (see `parkscan review list`)")
        }
        return found
    }
}
