/// Where a case stands in the back office.
///
/// `pending_review` (written by the scan) -> `confirmed` -> `exported` (to the fines office),
/// or `rejected`. Only pending cases take decisions; confirmed, rejected and exported cases
/// are closed.
public enum CaseStatus: String, Sendable, Codable, CaseIterable {
    case pendingReview = "pending_review"
    case confirmed
    case rejected
    case exported

    /// The allowed values, for messages: `pending_review, confirmed, rejected, exported`.
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The status named `text`, or an error listing the allowed values.
    public init(parsing text: String) throws(ReviewError) {
        guard let status = CaseStatus(rawValue: text.lowercased()) else {
            throw ReviewError(.invalidInput, "unknown status \"\(text)\"; allowed: \(Self.allowedValues)")
        }
        self = status
    }
}
