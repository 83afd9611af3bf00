/// How many cars stand in one zone during one pass: `truth.json` → `occupancy[]`.
public struct ZoneOccupancyTruth: Sendable, Hashable, Codable {
    public let pass: Int
    public let zone: String
    public let kind: String
    public let capacity: Int
    /// Cars parked in the zone during the pass (the true occupancy).
    public let vehicles: Int
    /// Of those, the cars whose plate is visible in at least one frame of the pass.
    public let seen: Int
}
