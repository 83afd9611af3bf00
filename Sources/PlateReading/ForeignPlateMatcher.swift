/// Reads OCR symbols in the layouts of foreign plate series (see ``ForeignPlateFormat``).
enum ForeignPlateMatcher {
    /// Share of probability a layout match keeps: a foreign series is less likely than the
    /// German grammar on a German street, but more likely than text that fits no series.
    static let formatPrior = 0.3

    /// The best reading of `symbols` in each layout they fit, best first.
    static func readings(_ symbols: [SymbolReading], formats: [ForeignPlateFormat]) -> [PlateHypothesis] {
        var byText: [String: PlateHypothesis] = [:]
        for format in formats where format.classes.count == symbols.count {
            guard let (text, probability) = bestFit(symbols, format.classes),
                  let canonical = format.canonical(text) else { continue }
            let confidence = probability * formatPrior
            if var known = byText[text] {
                // Layouts shared by several countries (F, I, SK) name no country.
                if known.country != format.country { known.country = nil }
                known.confidence = max(known.confidence, confidence)
                byText[text] = known
            } else {
                byText[text] = PlateHypothesis(
                    text: canonical, normalized: text, country: format.country, confidence: confidence)
            }
        }
        return byText.values.sorted { $0.confidence > $1.confidence }
    }

    /// The most probable character of the required class at each position, and the product
    /// of their probabilities; nil if some position has no candidate of its class.
    static func bestFit(_ symbols: [SymbolReading], _ classes: [CharacterClass]) -> (String, Double)? {
        var text = ""
        var probability = 1.0
        for (symbol, wanted) in zip(symbols, classes) {
            guard let (character, p) = bestCharacter(symbol, wanted) else { return nil }
            text.append(character)
            probability *= p
        }
        return (text, probability)
    }

    static func bestCharacter(_ symbol: SymbolReading, _ wanted: CharacterClass) -> (Character, Double)? {
        let total = max(1, symbol.choices.reduce(0) { $0 + $1.confidence })
        var best: (Character, Double)?
        func offer(_ character: Character, _ p: Double) {
            if wanted.admits(character), p > (best?.1 ?? 0) { best = (character, p) }
        }
        for choice in symbol.choices {
            let p = choice.confidence / total
            offer(choice.character, p)
            for (partner, factor) in OCRConfusions.partners[choice.character] ?? [] {
                offer(partner, p * factor)
            }
        }
        return best
    }
}
