import PlateReading

/// Ground truth for one plate in a synthetic frame.
public struct PlateTruth: Sendable, Hashable {
    /// The written form: `M-AB 1234` for German plates; foreign ones with their usual spaces/hyphens.
    public let text: String
    /// Letters and digits only, upper case, umlauts kept: `MAB1234`.
    public let normalized: String
    /// Country code from the EU band: `D`, `PL`, ...
    public let country: String
    /// Axis-aligned bounding box of the plate in the frame.
    public let box: PixelBox
    /// The plate's corners in the frame: top-left, top-right, bottom-right, bottom-left.
    public let corners: [FramePoint]
    /// What was rendered (German parts included).
    public let spec: PlateSpec

    public init(spec: PlateSpec, corners: [FramePoint]) {
        self.spec = spec
        text = spec.text
        normalized = spec.normalized
        country = spec.country
        self.corners = corners
        box = PixelBox(enclosing: corners)
    }
}
