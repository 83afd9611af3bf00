import Foundation
import GRDB

/// Which cases `parkscan review list` (and the sheet) shows.
public struct CaseFilter: Sendable, Equatable {
    public var status: CaseStatus?
    public var zone: String?
    /// Cases last seen at or after this time.
    public var since: Date?
    public var limit: Int?

    public init(status: CaseStatus? = nil, zone: String? = nil, since: Date? = nil, limit: Int? = nil) {
        self.status = status
        self.zone = zone
        self.since = since
        self.limit = limit
    }

    /// The matching cases, oldest first (the order reviewers work in), with the lowest read
    /// confidence of their sightings.
    public func summaries(in db: Database) throws -> [CaseSummary] {
        var request = ReviewedCase.order(ReviewedCase.Columns.lastSeen, ReviewedCase.Columns.id)
        if let status { request = request.filter(ReviewedCase.Columns.status == status.rawValue) }
        if let zone { request = request.filter(ReviewedCase.Columns.zone == zone) }
        if let since { request = request.filter(ReviewedCase.Columns.lastSeen >= since) }
        if let limit { request = request.limit(limit) }
        let cases = try request.fetchAll(db)
        return try cases.map { found in
            let confidence = try Double.fetchOne(db, sql: "SELECT MIN(confidence) FROM caseSighting WHERE caseId = ?",
                                                 arguments: [found.id])
            return CaseSummary(case: found, readConfidence: confidence)
        }
    }
}

/// A case with the lowest read confidence of its sightings: a line of the list.
public struct CaseSummary: Sendable, Equatable {
    public var `case`: ReviewedCase
    public var readConfidence: Double?

    public init(case found: ReviewedCase, readConfidence: Double?) {
        self.case = found
        self.readConfidence = readConfidence
    }
}
