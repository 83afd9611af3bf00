/// How the GPS log was made: `truth.json` → `gps`.
public struct GPSTruth: Sendable, Hashable, Codable {
    public let file: String
    /// Fixes per second (one RMC and one GGA each).
    public let rateHertz: Double
    /// Standard deviation of the slowly drifting position error, metres.
    public let noiseMetres: Double
    /// 1-based lines whose checksum was deliberately spoilt.
    public let corruptLines: [Int]
}
