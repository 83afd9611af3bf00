/// One parked car: `truth.json` → `cars[]`.
public struct CarTruth: Sendable, Hashable, Codable {
    public let id: Int
    /// German canonical `M-AB 1234`; foreign plates in their country's usual layout (`WA 56660`).
    public let plate: String
    /// Letters and digits only, umlauts kept.
    public let normalized: String
    public let country: String
    public let zone: String
    /// The car's middle, WGS 84 degrees (7 decimals).
    public let latitude: Double
    public let longitude: Double
    /// The 1-based passes during which it stands there.
    public let passes: [Int]
    public let arrival: String
    public let departure: String
    /// Whether it holds a right valid at all its sightings (then it never has a case).
    public let hasRight: Bool
    public let rights: [CarRightTruth]
    public let sightings: [CarSighting]
}
