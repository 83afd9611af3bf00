import Foundation

/// One row of `rights/permits.csv`: `reference,plate,areas,valid_from,valid_to,country`.
public struct ResidentPermitRecord: Sendable, Hashable {
    public let reference: String
    /// German canonical (`M-AB 1234`) or, for foreign plates, letters and digits.
    public let plate: String
    /// Empty for German plates; the EU country code for foreign ones (the importer keys
    /// foreign plates by country and characters).
    public let country: String
    public let areas: [String]
    public let validFrom: Date
    public let validTo: Date
}
