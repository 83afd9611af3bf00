import CPlateVision

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
        let choices = withUnsafeBytes(of: symbol.choices) { raw in
            raw.bindMemory(to: CPlateVision_Choice.self).prefix(count).compactMap { choice -> CharacterChoice? in
                let text = withUnsafeBytes(of: choice.utf8) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard let character = text.uppercased().first else { return nil }
                return CharacterChoice(character, Double(choice.confidence))
            }
        }
        self.init(choices: choices, gapBefore: Double(symbol.gapBefore))
    }
}
