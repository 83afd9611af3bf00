/// Ground truth for one synthetic frame: its file name and the plates in it.
public struct SceneTruth: Sendable, Hashable {
    /// The image's file name (no directory), as in `groundtruth.csv`.
    public let file: String
    /// The plates, in drawing order.
    public let plates: [PlateTruth]

    public init(file: String, plates: [PlateTruth]) {
        self.file = file
        self.plates = plates
    }
}
