/// One pass of the scan vehicle: `truth.json` → `passes[]`.
public struct PassTruth: Sendable, Hashable, Codable {
    public let number: Int
    public let start: String
    public let end: String
}
