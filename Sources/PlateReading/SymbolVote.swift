/// Per-position voting over several readings of one plate's characters: the readings with
/// the usual symbol count (the count with the largest summed weight) are aligned by position
/// and each position's characters are scored by their confidences times the reading's weight.
/// Two readings that each got a different character wrong thus still give the right plate,
/// which comparing whole texts cannot. Readings with another count (a sticker read as a
/// character, a dropped character) do not vote.
public enum SymbolVote {
    /// The voted symbols and how many readings voted, or nil when fewer than `minimumVoters`
    /// readings share a symbol count.
    public static func vote(_ readings: [(symbols: [SymbolReading], weight: Double)], minimumVoters: Int = 2)
        -> (symbols: [SymbolReading], voters: Int)? {
        let withSymbols = readings.filter { !$0.symbols.isEmpty }
        var weightByCount: [Int: Double] = [:]
        for reading in withSymbols { weightByCount[reading.symbols.count, default: 0] += reading.weight }
        guard let count = weightByCount.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else { return nil }
        let voters = withSymbols.filter { $0.symbols.count == count }
        guard voters.count >= minimumVoters else { return nil }
        let totalWeight = voters.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0 else { return nil }
        let symbols = (0..<count).map { position -> SymbolReading in
            var score: [Character: Double] = [:]
            var order: [Character] = []
            var gaps: [Double] = []
            for reading in voters {
                let symbol = reading.symbols[position]
                gaps.append(symbol.gapBefore)
                for choice in symbol.choices {
                    if score[choice.character] == nil { order.append(choice.character) }
                    score[choice.character, default: 0] += choice.confidence * reading.weight
                }
            }
            let ranked = order.enumerated().sorted { a, b in
                let sa = score[a.element]!, sb = score[b.element]!
                return sa != sb ? sa > sb : a.offset < b.offset
            }.map(\.element)
            return SymbolReading(choices: ranked.map { CharacterChoice($0, min(1, score[$0]! / totalWeight)) },
                                 gapBefore: median(gaps))
        }
        return (symbols, voters.count)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
