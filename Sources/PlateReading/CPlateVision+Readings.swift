import CPlateVision
import Foundation

/// Views of the shim's fixed-size C arrays (imported as tuples) as Swift values.
extension CPlateVision_Plate {
    var symbolReadings: [SymbolReading] {
        let count = min(Int(symbolCount), CPlateVision_MaxSymbols)
        return withUnsafeBytes(of: symbols) { raw in
            raw.bindMemory(to: CPlateVision_Symbol.self).prefix(count).map(SymbolReading.init)
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
        return [CharacterChoice(first.0, top)] + zip(alternatives, weights).map { CharacterChoice($0.0, $1) }
    }
}
