import Foundation

/// One row of `rights/exemptions.csv`: `reference,plate,reason,zones,valid_from,valid_to,country`
/// (no zones: valid in all).
public struct ExemptionRecord: Sendable, Hashable {
    public let reference: String
    public let plate: String
    /// Empty for German plates; the EU country code for foreign ones (the importer keys
    /// foreign plates by country and characters).
    public let country: String
    /// The importer's `ExemptionReason` raw value: `disabled-badge`, `municipal-vehicle`, …
    public let reason: String
    public let zones: [String]
    public let validFrom: Date
    public let validTo: Date
}
