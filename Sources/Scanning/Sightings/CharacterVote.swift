import PlateReading

/// Per-character voting across the reads of one track: the OCR's symbols of every read, aligned
/// by position, vote for each position's character with their confidences, each read weighted
/// by its own confidence; the plate grammar is then applied to the voted symbols
/// (``PlateInterpreter``). Two reads that each got a different character wrong thus still give
/// the right plate, which voting on whole texts cannot.
///
/// Alignment is by position among the reads with the track's usual symbol count (the count
/// with the largest summed read confidence); reads with another count (a sticker read as a
/// character, a dropped character) do not vote.
enum CharacterVote {
    /// The voted symbols, or nil when fewer than `minimumVoters` reads share a symbol count.
    static func symbols(of reads: [PlateRead], minimumVoters: Int = 2) -> (symbols: [SymbolReading], voters: Int)? {
        let withSymbols = reads.filter { !$0.symbols.isEmpty }
        var weightByCount: [Int: Double] = [:]
        for read in withSymbols { weightByCount[read.symbols.count, default: 0] += read.confidence }
        guard let count = weightByCount.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else { return nil }
        let voters = withSymbols.filter { $0.symbols.count == count }
        guard voters.count >= minimumVoters else { return nil }
        let totalWeight = voters.reduce(0) { $0 + weight(of: $1) }
        guard totalWeight > 0 else { return nil }
        let symbols = (0..<count).map { position -> SymbolReading in
            var score: [Character: Double] = [:]
            var order: [Character] = []
            var gaps: [Double] = []
            for read in voters {
                let symbol = read.symbols[position]
                gaps.append(symbol.gapBefore)
                for choice in symbol.choices {
                    if score[choice.character] == nil { order.append(choice.character) }
                    score[choice.character, default: 0] += choice.confidence * weight(of: read)
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

    /// The plate readings of the voted symbols, best first (raw interpreter scores).
    static func readings(of reads: [PlateRead], maxHypotheses: Int = 5) -> (hypotheses: [PlateHypothesis], voters: Int)? {
        guard let voted = symbols(of: reads) else { return nil }
        let hypotheses = PlateInterpreter.interpret(voted.symbols, bandCountry: nil, maxHypotheses: maxHypotheses)
        return hypotheses.isEmpty ? nil : (hypotheses, voted.voters)
    }

    private static func weight(of read: PlateRead) -> Double { max(read.confidence, 0.01) }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
