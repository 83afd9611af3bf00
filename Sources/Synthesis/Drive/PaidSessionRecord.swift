import Foundation

/// One row of `rights/sessions.csv`: `reference,source,plate,zone,start,end,country`.
public struct PaidSessionRecord: Sendable, Hashable {
    public let reference: String
    /// `app` or `ticket-machine`.
    public let source: String
    public let plate: String
    /// Empty for German plates; the EU country code for foreign ones (the importer keys
    /// foreign plates by country and characters).
    public let country: String
    public let zone: String
    public let start: Date
    public let end: Date
}
