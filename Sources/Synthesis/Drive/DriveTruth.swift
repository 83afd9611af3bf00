/// Everything true about a synthetic drive: `truth.json` in the drive folder. The schema is
/// described in `Fixtures/README.md`.
public struct DriveTruth: Sendable, Hashable, Codable {
    /// `parkscan-drive-truth/1`.
    public let schema: String
    public let seed: UInt64
    public let timeZone: String
    public let passes: [PassTruth]
    public let cameras: [CameraTruth]
    public let gps: GPSTruth
    public let cars: [CarTruth]
    public let occupancy: [ZoneOccupancyTruth]
    /// Zones the route does not pass (no cars are placed there).
    public let unscannedZones: [String]
    public let cases: [ExpectedCase]
    public let frames: [FrameTruth]
}
