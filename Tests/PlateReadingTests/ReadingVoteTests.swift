import Testing

@testable import PlateReading

/// How the readings of one plate candidate (Tesseract's and the glyph network's) combine.
struct ReadingVoteTests {
    /// A reading with the gaps of `layout` (``laidOut(_:)``), each position's choices the OCR's
    /// scores, turned into probabilities as the reader does
    /// (``SymbolReading/probabilities(_:symbolConfidence:)``).
    private func reading(_ layout: String, _ scores: [[(Character, Double)]], byGlyphModel: Bool = false) -> [SymbolReading] {
        zip(laidOut(layout), scores).map { place, ranked in
            SymbolReading(choices: SymbolReading.probabilities(ranked, symbolConfidence: ranked[0].1),
                          gapBefore: place.gapBefore, readByGlyphModel: byGlyphModel)
        }
    }

    /// Seed 21's `APD-UX 9` (frame right/000483, pass 2): Tesseract sure of the U and the X
    /// but reading the 9 as S, the glyph network sure of the 9 but torn over the U (J 0.28)
    /// and the X (K 0.15). Each engine is right where the other is unsure: whole texts gave
    /// `APD-JK 9` (0.61, APD-UX 9 not among the first three); the per-position vote gives the plate.
    @Test func eachEngineRightWhereTheOtherIsUnsureGivesThePlate() {
        let tesseract = reading("APD  UX 9", [
            [("A", 0.94)], [("P", 0.95)], [("D", 0.95), ("O", 0.06)],
            [("U", 0.94), ("O", 0)], [("X", 0.95), ("K", 0.05)], [("S", 0.94), ("9", 0.33), ("Y", 0.31), ("I", 0.24)],
        ])
        let glyphs = reading("APD  JK 9", [
            [("A", 1)], [("P", 1)], [("D", 0.99)],
            [("J", 0.28), ("U", 0.19), ("3", 0.04), ("O", 0.03)], [("K", 0.15), ("Ö", 0.06), ("0", 0.06), ("Y", 0.06)],
            [("9", 0.95)],
        ], byGlyphModel: true)
        let ranked = PlateReader.rankedTexts(of: [tesseract, glyphs]) { PlateInterpreter.interpret($0, bandCountry: "D") }
        #expect(ranked.first?.hypothesis.text == "APD-UX 9", "\(ranked.prefix(3).map { ($0.hypothesis.text, $0.hypothesis.confidence) })")
    }

    @Test func oneReadingIsInterpretedAsItIs() {
        let only = reading("M  AB 1234", "MAB1234".map { [($0, 0.9)] })
        let ranked = PlateReader.rankedTexts(of: [only]) { PlateInterpreter.interpret($0, bandCountry: "D") }
        let alone = PlateInterpreter.interpret(only, bandCountry: "D")
        #expect(ranked.map(\.hypothesis) == alone)
    }
}
