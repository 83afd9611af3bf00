/// One character position on a plate as the OCR saw it, with its alternatives.
public struct SymbolReading: Sendable, Equatable {
    /// Candidate characters for this position, best first. Confidences are in 0...1.
    public var choices: [CharacterChoice]
    /// Horizontal gap between this symbol and the previous one, in units of the plate's
    /// character height (0 for the first symbol). On a German plate the seal stickers
    /// leave a gap of about 0.6-0.9 character heights between district code and letters,
    /// the space between letters and digits is about 0.3-0.5, and neighbouring characters
    /// within a group stand about 0.1 apart.
    public var gapBefore: Double
    /// Read by the glyph network, which learnt the plate fonts' characters, rather than by
    /// Tesseract: only the confusions of those fonts apply (``OCRConfusions/glyphPartners``).
    public var readByGlyphModel: Bool

    public init(choices: [CharacterChoice], gapBefore: Double, readByGlyphModel: Bool = false) {
        self.choices = choices
        self.gapBefore = gapBefore
        self.readByGlyphModel = readByGlyphModel
    }

    /// The single best character, if the OCR produced any.
    public var best: CharacterChoice? { choices.first }
}

/// A candidate character with the OCR's confidence in it (0...1).
public struct CharacterChoice: Sendable, Equatable {
    public var character: Character
    public var confidence: Double

    public init(_ character: Character, _ confidence: Double) {
        self.character = character
        self.confidence = confidence
    }
}
