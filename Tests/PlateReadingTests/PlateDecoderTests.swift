import Testing
@testable import PlateReading

/// The characters of a plate laid out as text, each with its gap before it: one space is the
/// letter/digit space (0.4 char heights), two spaces the sticker gap (0.75), otherwise 0.1
/// between characters (0 before the first).
func laidOut(_ layout: String) -> [(character: Character, gapBefore: Double)] {
    var result: [(character: Character, gapBefore: Double)] = []
    var spaces = 0
    for c in layout {
        if c == " " { spaces += 1; continue }
        result.append((c, result.isEmpty ? 0 : [0.1, 0.4, 0.75][min(spaces, 2)]))
        spaces = 0
    }
    return result
}

/// Symbols for a plate laid out as text (``laidOut(_:)``), each character sure at `confidence`.
private func symbols(_ layout: String, confidence: Double = 0.95) -> [SymbolReading] {
    laidOut(layout).map { SymbolReading(choices: [CharacterChoice($0.character, confidence)], gapBefore: $0.gapBefore) }
}

private func symbol(_ choices: [(Character, Double)], gap: Double) -> SymbolReading {
    SymbolReading(choices: choices.map { CharacterChoice($0.0, $0.1) }, gapBefore: gap)
}

@Suite struct PlateDecoderTests {
    @Test func cleanGermanPlateIsReadCanonically() throws {
        let best = try #require(PlateDecoder.decode(symbols("M  AB 1234"), bandCountry: "D").first)
        #expect(best.text == "M-AB 1234")
        #expect(best.normalized == "MAB1234")
        #expect(best.country == "D")
        #expect(best.splitDecided)
        #expect(best.confidence > 0.6 && best.confidence <= 1)
    }

    @Test func stickerGapDecidesBetweenSplits() throws {
        let afterM = PlateDecoder.decode(symbols("M  AB 1234"), bandCountry: "D")
        #expect(afterM.first?.text == "M-AB 1234")
        #expect(afterM.first?.splitDecided == true)
        let afterMA = PlateDecoder.decode(symbols("MA  B 1234"), bandCountry: "D")
        #expect(afterMA.first?.text == "MA-B 1234")
        #expect(afterMA.first?.splitDecided == true)
        let other = try #require(afterMA.first { $0.text == "M-AB 1234" })
        #expect(other.confidence < 0.05 * afterMA[0].confidence)
    }

    @Test func plateWithoutStickerGapIsAmbiguous() {
        let hypotheses = PlateDecoder.decode(symbols("MAB 1234"), bandCountry: "D")
        #expect(Set(hypotheses.prefix(2).map(\.text)) == ["M-AB 1234", "MA-B 1234"])
        #expect(hypotheses.prefix(2).allSatisfy { !$0.splitDecided })
        #expect(abs(hypotheses[0].confidence - hypotheses[1].confidence) < 0.01)
        #expect(hypotheses[0].confidence < 0.6)
    }

    @Test func uniformGapsWithoutAnySpaceAreAmbiguousToo() {
        let hypotheses = PlateDecoder.decode(symbols("MAB1234"), bandCountry: nil)
        #expect(Set(hypotheses.prefix(2).map(\.text)) == ["M-AB 1234", "MA-B 1234"])
        #expect(hypotheses.prefix(2).allSatisfy { !$0.splitDecided })
    }

    @Test func droppedUmlautIsRestoredWhenOnlyTheUmlautCodeExists() throws {
        let best = try #require(PlateDecoder.decode(symbols("DUW  X 7"), bandCountry: "D").first)
        #expect(best.text == "DÜW-X 7")
        #expect(best.normalized == "DÜWX7")
        #expect(best.confidence > 0.6)
    }

    @Test func boIsPreferredOverBöWhichIsOfferedAsAlternative() throws {
        let hypotheses = PlateDecoder.decode(symbols("BO  X 12"), bandCountry: "D")
        #expect(hypotheses.first?.text == "BO-X 12")
        let umlaut = try #require(hypotheses.first { $0.text == "BÖ-X 12" })
        #expect(umlaut.confidence < hypotheses[0].confidence)
        #expect(umlaut.confidence > 0.1)
    }

    @Test func umlautAmongTheOCRChoicesDecidesBö() {
        let reading = [
            symbol([("B", 0.95)], gap: 0),
            symbol([("Ö", 0.8), ("O", 0.15)], gap: 0.1),
            symbol([("X", 0.95)], gap: 0.75),
            symbol([("1", 0.95)], gap: 0.4),
            symbol([("2", 0.95)], gap: 0.1),
        ]
        #expect(PlateDecoder.decode(reading, bandCountry: "D").first?.text == "BÖ-X 12")
    }

    @Test func anotherUmlautAmongTheChoicesStillLetsTheOBeRestored() throws {
        // deu offers Ü as a far choice for an O whose dots were lost: BÖ stays possible.
        let reading = [
            symbol([("B", 0.95)], gap: 0),
            symbol([("O", 0.89), ("0", 0.05), ("D", 0.03), ("Ü", 0.02)], gap: 0.1),
            symbol([("Y", 0.92)], gap: 0.75),
            symbol([("6", 0.94)], gap: 0.3),
            symbol([("3", 0.94)], gap: 0.1),
            symbol([("2", 0.94)], gap: 0.1),
        ]
        let hypotheses = PlateDecoder.decode(reading, bandCountry: "D")
        #expect(hypotheses.first?.text == "BO-Y 632")
        let umlaut = try #require(hypotheses.first { $0.text == "BÖ-Y 632" })
        #expect(abs(umlaut.confidence / hypotheses[0].confidence - 0.5) < 0.01)
    }

    @Test func letterInDigitGroupIsReadAsTheDigitItResembles() {
        #expect(PlateDecoder.decode(symbols("M  AB 12O4"), bandCountry: "D").first?.text == "M-AB 1204")
        #expect(PlateDecoder.decode(symbols("M  AB 1I"), bandCountry: "D").first?.text == "M-AB 11")
        #expect(PlateDecoder.decode(symbols("M  AB 1B"), bandCountry: "D").first?.text == "M-AB 18")
        #expect(PlateDecoder.decode(symbols("M  AB S1"), bandCountry: "D").first?.text == "M-AB 51")
        #expect(PlateDecoder.decode(symbols("M  AB 12Z"), bandCountry: nil).first?.text == "M-AB 122")
    }

    @Test func digitInDistrictOrLetterGroupIsReadAsTheLetterItResembles() {
        #expect(PlateDecoder.decode(symbols("B0  X 12"), bandCountry: "D").first?.text == "BO-X 12")
        #expect(PlateDecoder.decode(symbols("M  52 12"), bandCountry: "D").first?.text == "M-SZ 12")
        #expect(PlateDecoder.decode(symbols("M  8I 12"), bandCountry: "D").first?.text == "M-BI 12")
    }

    @Test func nonTopChoiceIsTakenWhenTheGrammarNeedsIt() throws {
        var reading = symbols("M  AB 1234")
        reading[4] = symbol([("Z", 0.6), ("2", 0.35)], gap: 0.1)
        let best = try #require(PlateDecoder.decode(reading, bandCountry: "D").first)
        #expect(best.text == "M-AB 1234")
    }

    @Test func suffixIsReadAfterTheNumber() {
        #expect(PlateDecoder.decode(symbols("M  AB 123E"), bandCountry: "D").first?.text == "M-AB 123E")
        #expect(PlateDecoder.decode(symbols("HH  X 42H"), bandCountry: "D").first?.text == "HH-X 42H")
    }

    @Test func cleanReadIsMoreConfidentThanReadNeedingSubstitution() throws {
        let clean = try #require(PlateDecoder.decode(symbols("M  AB 1204"), bandCountry: "D").first)
        let substituted = try #require(PlateDecoder.decode(symbols("M  AB 12O4"), bandCountry: "D").first)
        #expect(clean.text == substituted.text)
        #expect(clean.confidence > substituted.confidence)
        let uncertain = try #require(PlateDecoder.decode(symbols("M  AB 1204", confidence: 0.6), bandCountry: "D").first)
        #expect(uncertain.confidence < clean.confidence)
    }

    @Test func foreignBandCountryBypassesTheGermanGrammar() throws {
        let polish = try #require(PlateDecoder.decode(symbols("PO 12O45"), bandCountry: "PL").first)
        #expect(polish.text == "PO12O45")
        #expect(polish.normalized == "PO12O45")
        #expect(polish.country == "PL")
        let dutch = try #require(PlateDecoder.decode(symbols("MAB 1234"), bandCountry: "NL").first)
        #expect(dutch.text == "MAB1234")
        #expect(dutch.country == "NL")
    }

    @Test func slovakPlateWithoutBandIsNotForcedIntoGermanGrammar() throws {
        let best = try #require(PlateDecoder.decode(symbols("RK 828AG"), bandCountry: nil).first)
        #expect(best.text == "RK828AG")
        #expect(best.country == nil)
    }

    @Test func tooManyCharactersWithoutBandGiveTheRawReading() throws {
        let hypotheses = PlateDecoder.decode(symbols("ABCDE 12345"), bandCountry: nil)
        #expect(hypotheses.first?.text == "ABCDE12345")
        #expect(hypotheses.allSatisfy { $0.country == nil })
    }

    @Test func germanBandWithoutGrammaticalReadingGivesTheRawReadingUndecided() throws {
        let best = try #require(PlateDecoder.decode(symbols("1234567"), bandCountry: "D").first)
        #expect(best.text == "1234567")
        #expect(best.country == "D")
        #expect(!best.splitDecided)
        #expect(best.confidence < 0.2)
    }

    @Test func germanBandKeepsTheUngrammaticalRawReadingAsAlternative() throws {
        let hypotheses = PlateDecoder.decode(symbols("Y 123456"), bandCountry: "D")
        let raw = try #require(hypotheses.first { $0.text == "Y123456" })
        #expect(raw.country == "D")
        #expect(!raw.splitDecided)
        #expect(!PlateDecoder.decode(symbols("M  AB 1234"), bandCountry: "D").contains { $0.text == "MAB1234" })
    }

    @Test func lowConfidenceJunkSymbolAtEitherEndIsDropped() throws {
        var trailing = symbols("M  AB 1234")
        trailing.append(symbol([("I", 0.15)], gap: 0.3))
        #expect(PlateDecoder.decode(trailing, bandCountry: "D").first?.text == "M-AB 1234")
        #expect(PlateDecoder.decode(trailing, bandCountry: nil).first?.text == "M-AB 1234")

        var leading = symbols("M  AB 1234")
        leading.insert(symbol([("L", 0.2), ("I", 0.1)], gap: 0), at: 0)
        leading[1].gapBefore = 0.3
        #expect(PlateDecoder.decode(leading, bandCountry: "D").first?.text == "M-AB 1234")
    }

    @Test func confidentEndSymbolIsNotDropped() {
        let hypotheses = PlateDecoder.decode(symbols("M  AB 1234"), bandCountry: "D")
        #expect(!hypotheses.contains { $0.text == "M-AB 123" })
    }

    @Test func hypothesesAreRankedBoundedAndProbabilityLike() {
        let hypotheses = PlateDecoder.decode(symbols("B0  X 12"), bandCountry: nil, maxHypotheses: 3)
        #expect(hypotheses.count <= 3)
        #expect(hypotheses.allSatisfy { (0...1).contains($0.confidence) })
        #expect(zip(hypotheses, hypotheses.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
        #expect(PlateDecoder.decode([], bandCountry: "D").isEmpty)
        #expect(PlateDecoder.decode(symbols("M  AB 1"), bandCountry: "D", maxHypotheses: 0).isEmpty)
    }
}

/// The glyph network's readings take only the plate font's look-alikes as confusion partners.
@Suite struct GlyphConfusionTests {
    /// FEU-MO 94 as the glyph network read it in seed 15's drive: the letter O as the digit 0,
    /// at 0.99, nothing else offered.
    private func feuMO94(readByGlyphModel: Bool) -> [SymbolReading] {
        var read = symbols("FEU  M0 94", confidence: 0.99)
        for index in read.indices { read[index].readByGlyphModel = readByGlyphModel }
        return read
    }

    private func confidence(_ text: String, in hypotheses: [PlateHypothesis]) -> Double {
        hypotheses.first { $0.text == text }?.confidence ?? 0
    }

    @Test func aZeroTheNetworkReadIsTheLetterOButNoG() throws {
        let hypotheses = PlateDecoder.decode(feuMO94(readByGlyphModel: true), bandCountry: "D", maxHypotheses: 8)
        #expect(hypotheses.first?.text == "FEU-MO 94")
        // O/0 is the plate font's look-alike; G, Q and D are characters the network knows.
        #expect(confidence("FEU-MG 94", in: hypotheses) == 0, "\(hypotheses)")
        #expect(confidence("FEU-MQ 94", in: hypotheses) == 0)
        #expect(confidence("FEU-MD 94", in: hypotheses) == 0)
    }

    @Test func aZeroTesseractReadMayStillBeAG() throws {
        // Tesseract's English model reads narrow zeros as G and the like: those stay partners.
        let hypotheses = PlateDecoder.decode(feuMO94(readByGlyphModel: false), bandCountry: "D", maxHypotheses: 8)
        #expect(hypotheses.first?.text == "FEU-MO 94")
        #expect(confidence("FEU-MG 94", in: hypotheses) > 0.3 * confidence("FEU-MO 94", in: hypotheses), "\(hypotheses)")
    }

    @Test func anUmlautTheNetworkReadStaysPossibleAsItsPlainLetter() throws {
        // The network's Ü in the letter group, where only A-Z are allowed: read as U.
        var read = symbols("MÜ  ÜX 12", confidence: 0.99)
        for index in read.indices { read[index].readByGlyphModel = true }
        let best = try #require(PlateDecoder.decode(read, bandCountry: "D").first)
        #expect(best.text == "MÜ-UX 12")
    }
}
