/// One way of reading a plate: the text in its canonical written form and how sure we are.
public struct PlateHypothesis: Sendable, Equatable {
    /// Canonical form: `M-AB 1234` (with `E`/`H` suffix as `M-AB 123E`) for German plates;
    /// letters and digits as read for foreign plates.
    public var text: String
    /// Letters and digits only, upper case (umlauts kept): `MAB1234`.
    public var normalized: String
    /// Country code as on the EU band (`D`, `SK`, `CZ`, ...), or nil when unknown.
    public var country: String?
    /// Probability-like confidence in 0...1 that this is exactly the plate.
    public var confidence: Double
    /// False when the plate's characters admit more than one district split
    /// (`MAB1234`: M-AB 1234 or MA-B 1234) and the stickers' gap could not decide it.
    public var splitDecided: Bool

    public init(text: String, normalized: String, country: String?, confidence: Double, splitDecided: Bool = true) {
        self.text = text
        self.normalized = normalized
        self.country = country
        self.confidence = confidence
        self.splitDecided = splitDecided
    }
}
