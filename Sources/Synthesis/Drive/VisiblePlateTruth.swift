/// A plate visible in one frame: `truth.json` → `frames[].plates[]`.
public struct VisiblePlateTruth: Sendable, Hashable, Codable {
    public let carID: Int
    public let plate: String
    public let normalized: String
    public let country: String
    /// `[x, y, width, height]` in frame pixels.
    public let box: [Int]
    /// Degrees between the plate's normal and the line of sight (0: seen head-on).
    public let viewAngle: Double
    /// Metres from the camera to the plate.
    public let distance: Double
}
