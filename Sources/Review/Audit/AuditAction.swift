/// What an audit entry records.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case confirm
    case reject
    /// A plate correction; when the corrected plate has a right, the case is rejected in the
    /// same entry (`after.status` = rejected).
    case correct
    case export
    /// A retention purge: counts and case ids only, never plates.
    case purge
}
