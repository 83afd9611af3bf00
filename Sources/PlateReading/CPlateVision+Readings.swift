import CPlateVision
import Foundation

/// Views of the shim's fixed-size C arrays (imported as tuples) as Swift values.
extension CPlateVision_Plate {
    var symbolReadings: [SymbolReading] {
        let count = min(Int(symbolCount), CPlateVision_MaxSymbols)
        return withUnsafeBytes(of: symbols) { raw in
            raw.bindMemory(to: CPlateVision_Symbol.self).prefix(count).map { symbol in
                var reading = SymbolReading(symbol)
                reading.readByGlyphModel = fromGlyphModel != 0
                return reading
            }
        }
    }

    var bandCountryText: String {
        withUnsafeBytes(of: bandCountry) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    var cornerPoints: [PixelPoint] {
        withUnsafeBytes(of: corners) { raw in
            let values = raw.bindMemory(to: Float.self)
            return (0..<4).map { PixelPoint(x: Double(values[2 * $0]), y: Double(values[2 * $0 + 1])) }
        }
    }
}

extension SymbolReading {
    init(_ symbol: CPlateVision_Symbol) {
        let count = min(Int(symbol.choiceCount), CPlateVision_MaxChoices)
        let ranked = withUnsafeBytes(of: symbol.choices) { raw in
            raw.bindMemory(to: CPlateVision_Choice.self).prefix(count).compactMap { choice -> (Character, Double)? in
                let text = withUnsafeBytes(of: choice.utf8) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard let character = text.uppercased().first else { return nil }
                return (character, Double(choice.confidence))
            }
        }
        self.init(choices: Self.probabilities(ranked, symbolConfidence: Double(symbol.symbolConfidence)),
                  gapBefore: Double(symbol.gapBefore))
    }

    /// Turns Tesseract's ranked choices into probabilities that sum to 1.
    ///
    /// Tesseract's LSTM scores are poor probabilities: the best choice scores 0.9-0.99 almost
    /// always, and alternatives mostly score 0 while still being ranked sensibly (8, then B,
    /// then S). So the best choice gets `0.05 + 0.9 × symbol confidence` (0.5 when Tesseract
    /// gave no confidence), and the rest is shared by the alternatives by their scores where
    /// they have any, else halving by rank.
    ///
    /// When some alternative does score, the scores themselves say how torn the OCR was
    /// (`B 0.88 / 6 0.62 / G 0.37` on the Slovak `RK 605AB`): the probabilities are then
    /// blended with the scores' own shares (``scoreShareWeight``), so such an alternative
    /// is not drowned by the best choice's confusion partner (`8` for `B`).
    static func probabilities(_ ranked: [(Character, Double)], symbolConfidence: Double) -> [CharacterChoice] {
        guard let first = ranked.first else { return [] }
        let sure = max(symbolConfidence, first.1)
        let top = sure > 0 ? 0.05 + 0.9 * min(sure, 1) : 0.5
        let alternatives = ranked.dropFirst()
        var weights = alternatives.enumerated().map { index, choice in
            choice.1 > 0 ? choice.1 : 0.01 * pow(0.5, Double(index))
        }
        let total = weights.reduce(0, +)
        if total > 0 { weights = weights.map { $0 / total * (1 - top) } }
        let probabilities = [top] + weights
        let scores = ranked.map { $0.1.isFinite ? min(max($0.1, 0), 1) : 0 }
        let scoreSum = scores.reduce(0, +)
        let shares = scores.dropFirst().contains { $0 > 0 } && scoreSum > 0
            ? zip(probabilities, scores).map { (1 - scoreShareWeight) * $0 + scoreShareWeight * $1 / scoreSum }
            : probabilities
        return zip(ranked, shares).map { CharacterChoice($0.0, $1) }
    }

    /// Weight of the OCR's own score shares when an alternative scored. Measured against 0
    /// (300 rendered frames of seed 31: 223 best reads exact instead of 210; 60 real photos:
    /// 54 instead of 53; 0.4-1 all gave 223-225 on seed 31).
    static let scoreShareWeight = 0.6
}
