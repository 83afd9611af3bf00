/// A suspected violation the pipeline should raise: `truth.json` → `cases[]`.
public struct ExpectedCase: Sendable, Hashable, Codable {
    public let carID: Int
    /// As the rights files write it: German canonical, foreign letters and digits.
    public let plate: String
    public let normalized: String
    public let zone: String
    /// `noPaidSession`, `noResidentPermit`, `noPaidSessionOrPermit`, `maxStayExceeded`, `noParking`.
    public let rule: String
    /// The first sighting without a right (ISO 8601).
    public let firstSighting: String
    /// The earliest later sighting that confirms the case.
    public let confirmingSighting: String
    /// Passes of the two sightings.
    public let passes: [Int]
    /// Minutes by which the two sightings are further apart than the rule needs: how robust
    /// the case is to sighting-time errors.
    public let marginMinutes: Double
}
