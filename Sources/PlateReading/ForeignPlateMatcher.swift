import Foundation

/// Reads OCR symbols in the layouts of foreign plate series (see ``ForeignPlateFormat``).
enum ForeignPlateMatcher {
    /// Share of probability a layout match keeps: a foreign series is less likely than the
    /// German grammar on a German street, but more likely than text that fits no series.
    static let formatPrior = 0.3

    /// The best reading of `symbols` in each layout they fit, best first.
    static func readings(_ symbols: [SymbolReading], formats: [ForeignPlateFormat]) -> [PlateHypothesis] {
        var byText: [String: PlateHypothesis] = [:]
        // Each symbol's best letter and digit, worked out once for all layouts.
        let positions = symbols.map(BestCharacters.init)
        for (kept, dropped, cost) in withoutEmblem(symbols) {
            var keptPositions = positions
            if let dropped { keptPositions.remove(at: dropped) }
            let gaps = PlateGapModel(kept[...])
            for format in formats where format.classes.count == kept.count {
                guard let (text, probability) = bestFit(keptPositions, format.classes),
                      let canonical = format.canonical(text) else { continue }
                let confidence = probability * cost * formatPrior * format.prior * gapAgreement(kept, gaps, format.separatedBefore)
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
        }
        return byText.values.sorted { $0.confidence > $1.confidence }
    }

    /// Probability that an extra symbol was read from an emblem or sticker in a separator.
    static let emblemPrior = 0.2

    /// The symbols as read, and each way of dropping one symbol next to a wide gap: coats of
    /// arms (Slovakia), city shields and stickers stand in separators and are sometimes
    /// read as a character.
    /// Each variant names the index of the symbol it dropped (nil: none).
    static func withoutEmblem(_ symbols: [SymbolReading]) -> [(kept: [SymbolReading], dropped: Int?, cost: Double)] {
        var variants: [(kept: [SymbolReading], dropped: Int?, cost: Double)] = [(symbols, nil, 1.0)]
        for index in symbols.indices.dropFirst().dropLast() {
            let wideBefore = symbols[index].gapBefore > separatorGap
            let wideAfter = symbols[index + 1].gapBefore > separatorGap
            guard wideBefore || wideAfter else { continue }
            var kept = symbols
            let dropped = kept.remove(at: index)
            // The neighbour now stands after the whole separator.
            kept[index].gapBefore = max(kept[index].gapBefore, dropped.gapBefore)
            variants.append((kept, index, emblemPrior))
        }
        return variants
    }

    /// Gap wider than this between two characters is a separator (space, sticker, emblem).
    static let separatorGap = 0.4

    /// How well the plate's gaps agree with where the layout puts separators: a gap where the
    /// layout has none is strong evidence against it (an emblem or sticker stands in a
    /// separator, a German plate's letter/digit space in `AB-O 6064` read as `AB 06064`): the
    /// layout keeps L(inner gap) / L(separator) of ``PlateGapModel`` there, at least 0.15; a
    /// separator without a gap is weaker evidence (some series print their groups close
    /// together). `gaps`: the model of `symbols`' gaps.
    static func gapAgreement(_ symbols: [SymbolReading], _ gaps: PlateGapModel, _ separatedBefore: [Bool]) -> Double {
        var factor = 1.0
        for (index, (symbol, separated)) in zip(symbols, separatedBefore).enumerated().dropFirst() {
            if separated {
                if symbol.gapBefore < 0.25 { factor *= 0.6 }
            } else {
                factor *= max(0.15, min(1, exp(-gaps.separatorEvidence(at: index))))
            }
        }
        return factor
    }

    /// The most probable character of the required class at each position, and the product
    /// of their probabilities; nil if some position has no candidate of its class.
    static func bestFit(_ positions: [BestCharacters], _ classes: [CharacterClass]) -> (String, Double)? {
        var text = ""
        var probability = 1.0
        for (position, wanted) in zip(positions, classes) {
            guard let (character, p) = wanted == .letter ? position.letter : position.digit else { return nil }
            text.append(character)
            probability *= p
        }
        return (text, probability)
    }

    /// The best letter and the best digit a symbol can be, with their probabilities: the
    /// OCR's own choices or their confusion partners, scored as the German grammar scores them.
    struct BestCharacters {
        var letter: (Character, Double)?
        var digit: (Character, Double)?

        init(_ symbol: SymbolReading) {
            let position = PlateDecoder.Position(symbol)
            func best(_ slot: PlateDecoder.Slot) -> (Character, Double)? {
                guard let best = position.candidates[slot.rawValue].first, let character = best.text.first else { return nil }
                return (character, best.probability)
            }
            letter = best(.letter)
            digit = best(.digit)
        }
    }
}
