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
        SymbolVote.vote(reads.map { (symbols: $0.symbols, weight: weight(of: $0)) }, minimumVoters: minimumVoters)
    }

    /// The plate readings of the voted symbols, best first (raw interpreter scores).
    static func readings(of reads: [PlateRead], maxHypotheses: Int = 5) -> (hypotheses: [PlateHypothesis], voters: Int)? {
        guard let voted = symbols(of: reads) else { return nil }
        let hypotheses = PlateInterpreter.interpret(voted.symbols, bandCountry: nil, maxHypotheses: maxHypotheses)
        return hypotheses.isEmpty ? nil : (hypotheses, voted.voters)
    }

    private static func weight(of read: PlateRead) -> Double { max(read.confidence, 0.01) }
}
