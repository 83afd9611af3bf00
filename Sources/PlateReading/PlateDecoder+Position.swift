/// The decoder's alphabet and one symbol's candidates per character class (``PlateDecoder/Position``).
extension PlateDecoder {
    /// Character classes of the grammar's groups.
    enum Slot: Int, CaseIterable {
        case district, letter, digit, leadingDigit, suffix

        func allows(_ c: Character) -> Bool {
            switch self {
            case .district: GermanPlate.isPlateLetter(c) || GermanPlate.isUmlaut(c)
            case .letter: GermanPlate.isPlateLetter(c)
            case .digit: GermanPlate.isPlateDigit(c)
            case .leadingDigit: GermanPlate.isPlateDigit(c) && c != "0"
            case .suffix: c == "E" || c == "H"
            }
        }
    }

    /// The characters a plate reading may contain: A-Z, 0-9, Ä Ö Ü.
    static let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ÄÖÜ")
    static let alphabetStrings: [String] = alphabet.map { String($0) }
    static func alphabetIndex(_ c: Character) -> Int? {
        if let ascii = c.asciiValue {
            if ascii >= 65 && ascii <= 90 { return Int(ascii) - 65 }
            if ascii >= 48 && ascii <= 57 { return Int(ascii) - 48 + 26 }
            return nil
        }
        switch c {
        case "Ä": return 36
        case "Ö": return 37
        case "Ü": return 38
        default: return nil
        }
    }
    /// `slotAllows[slot.rawValue][i]`: whether `alphabet[i]` fits the slot.
    static let slotAllows: [[Bool]] = Slot.allCases.map { slot in alphabet.map(slot.allows) }
    /// `confusionPartners[i]`: (index, factor) of the characters `alphabet[i]` may really be.
    static let confusionPartners = indexed(OCRConfusions.partners)
    /// The same for the glyph network's readings (``OCRConfusions/glyphPartners``).
    static let glyphConfusionPartners = indexed(OCRConfusions.glyphPartners)

    private static func indexed(_ partners: [Character: [(Character, Double)]]) -> [[(Int, Double)]] {
        alphabet.map { c in (partners[c] ?? []).compactMap { partner in alphabetIndex(partner.0).map { ($0, partner.1) } } }
    }

    /// One symbol's choices, normalised, with the candidates for each slot precomputed.
    struct Position {
        /// Listed alphanumeric characters with `p(c)`, best first.
        var listed: [Scored]
        /// The largest `p(c)` among listed alphanumeric characters (0 if none).
        var bestProbability: Double
        /// The umlauts the OCR offered here: a letter whose umlaut is among them is not
        /// restored to it (the OCR's own confidence counts). Another umlaut does not stop
        /// it: `deu` offering Ü as its 4th choice for an O whose dots were lost kept BÖ
        /// from being offered at all (BO-Y 632 for BÖ-Y 632).
        var offeredUmlauts: Set<Character>
        /// `candidates[slot.rawValue]`: characters allowed in the slot with `p`, best first.
        var candidates: [[Scored]]

        init(_ symbol: SymbolReading) {
            var total = 0.0
            var confidence: [(index: Int, value: Double)] = []
            for choice in symbol.choices {
                let value = choice.confidence.isFinite ? min(max(choice.confidence, 0), 1) : 0
                total += value
                let upper = choice.character.uppercased()
                guard upper.count == 1, let index = PlateDecoder.alphabetIndex(Character(upper)) else { continue }
                if let existing = confidence.firstIndex(where: { $0.index == index }) {
                    confidence[existing].value = max(confidence[existing].value, value)
                } else {
                    confidence.append((index, value))
                }
            }
            let norm = max(1, total)
            let probability = confidence.map { (index: $0.index, p: $0.value / norm) }
            listed = probability
                .map { Scored(text: PlateDecoder.alphabetStrings[$0.index], probability: $0.p) }
                .sorted(by: Scored.ranking)
            bestProbability = listed.first?.probability ?? 0
            offeredUmlauts = Set(probability.filter { $0.index >= 36 }.map { PlateDecoder.alphabet[$0.index] })
            let partners = symbol.readByGlyphModel ? PlateDecoder.glyphConfusionPartners : PlateDecoder.confusionPartners
            candidates = Slot.allCases.map { slot in
                let allows = PlateDecoder.slotAllows[slot.rawValue]
                var best = [Double](repeating: 0, count: PlateDecoder.alphabet.count)
                for (index, p) in probability {
                    if allows[index] { best[index] = max(best[index], p) }
                    for (partner, factor) in partners[index] where allows[partner] {
                        best[partner] = max(best[partner], p * factor)
                    }
                }
                return best.indices
                    .filter { best[$0] > 0 }
                    .map { Scored(text: PlateDecoder.alphabetStrings[$0], probability: best[$0]) }
                    .sorted(by: Scored.ranking)
            }
        }
    }
}
