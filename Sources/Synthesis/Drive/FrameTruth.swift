/// One written frame and the plates visible in it: `truth.json` → `frames[]`.
public struct FrameTruth: Sendable, Hashable, Codable {
    public let camera: String
    /// Relative to the drive folder: `frames/right/000001.jpg`.
    public let file: String
    public let time: String
    public let pass: Int
    public let plates: [VisiblePlateTruth]
}
