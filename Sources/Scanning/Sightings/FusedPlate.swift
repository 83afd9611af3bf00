import PlateReading

/// The plate of a track, fused from all its reads.
///
/// Fusion sums, per canonical text, the confidences the reads gave it (as their best reading
/// or as an alternative). The text with the largest sum wins; its ``confidence`` is that
/// sum divided by the number of reads: a text every read gave 0.8 scores 0.8, one read of
/// four at 0.8 scores 0.2. So a single confident misread in a track of good reads is
/// outvoted, and agreeing reads strengthen each other.
///
/// Only the OCR's whole reads are fused (``PlateRead/isWholeReadByTheOCR``): reads carried over
/// from a sure track (``PlateRead/carried``) are no evidence of their text, and a plate the
/// frame's edge cuts (``PlateRead/cutByFrameEdge``) may have lost characters: it joins the whole
/// reads only when it reads their winner. A track of such reads only is fused from those, with
/// a ``readCount`` of 0, so that it is never sure enough to act on.
public struct FusedPlate: Sendable, Equatable, Codable {
    /// One competing reading and its fused score.
    public struct Alternative: Sendable, Equatable, Codable {
        public var text: String
        public var confidence: Double

        /// Letters and digits only.
        public var normalized: String { text.filter { $0.isLetter || $0.isNumber } }
    }

    /// Canonical text of the winner (`M-AB 1234`).
    public var text: String
    /// Letters and digits only.
    public var normalized: String
    /// Country from the reads that had the winner as their best, nil when none told.
    public var country: String?
    /// Fused confidence of the winner, 0...1 (see the type's comment).
    public var confidence: Double
    /// Share of the reads whose own best reading was the winner.
    public var agreement: Double
    /// How many of the fused reads had the winner as their own best reading.
    public var agreeingReads: Int { Int((agreement * Double(readCount)).rounded()) }
    /// True when most reads that had the winner as best had the district split decided.
    public var splitDecided: Bool
    /// The reads fused: the OCR's whole reads and the cut ones that agree with their winner
    /// (carried reads do not count).
    public var readCount: Int
    /// The next texts by fused score, best first (at most 4).
    public var alternatives: [Alternative]
    /// The reading of the per-character vote (``CharacterVote``): nil when fewer than two
    /// reads share a symbol count.
    public var voted: VotedReading?

    /// What the per-character vote across the reads gave, the grammar applied.
    public struct VotedReading: Sendable, Equatable, Codable {
        /// Canonical text of the voted symbols' best reading.
        public var text: String
        /// Its interpreter score (uncalibrated) and the next reading's.
        public var score: Double
        public var runnerUpScore: Double
        /// The next reading's text, if any.
        public var runnerUp: String?
        public var splitDecided: Bool
        /// Reads that voted (those with the track's usual symbol count).
        public var voters: Int
    }

    /// Fuses `reads` (non-empty): the OCR's whole reads, or all when there are no such. A cut
    /// read (``PlateRead/cutByFrameEdge``) whose best reading is the whole reads' winner joins
    /// them: its characters agree, and only its disagreement is explained by the cut.
    ///
    /// `winner`: a text to take as the winner instead of the best-scored one, when the reads
    /// gave it (``Sighting/lostCharacterRestored``).
    public init(fusing all: [PlateRead], winner preferred: String? = nil) {
        precondition(!all.isEmpty, "fusing no reads")
        let read = all.filter(\.isWholeReadByTheOCR)
        let reads = read.isEmpty ? all : read
        var scores: [String: Double] = [:]
        var order: [String] = []
        var normalizedOf: [String: String] = [:]
        for read in reads {
            for hypothesis in [read.best] + read.alternatives {
                if scores[hypothesis.text] == nil { order.append(hypothesis.text) }
                scores[hypothesis.text, default: 0] += hypothesis.confidence
                normalizedOf[hypothesis.text] = hypothesis.normalized
            }
        }
        // Ties go to the text seen first: deterministic.
        let ranked = order.enumerated().sorted { a, b in
            let sa = scores[a.element]!, sb = scores[b.element]!
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
        let winner = preferred.flatMap { scores[$0] == nil ? nil : $0 } ?? ranked[0]
        let cutAgreeing = read.isEmpty ? [] : all.filter { !$0.carried && $0.cutByFrameEdge && $0.best.text == winner }
        let fused = Double(reads.count + cutAgreeing.count)
        let asBest = reads.filter { $0.best.text == winner } + cutAgreeing
        text = winner
        normalized = normalizedOf[winner] ?? winner
        confidence = min(1, (scores[winner]! + cutAgreeing.map(\.best.confidence).reduce(0, +)) / fused)
        agreement = Double(asBest.count) / fused
        splitDecided = asBest.filter(\.best.splitDecided).count * 2 > asBest.count
        readCount = read.count + cutAgreeing.count
        let countries = asBest.compactMap(\.best.country)
        country = Set(countries).max { a, b in
            let ca = countries.filter { $0 == a }.count, cb = countries.filter { $0 == b }.count
            return ca != cb ? ca < cb : a > b
        }
        alternatives = ranked.filter { $0 != winner }.prefix(4).map {
            Alternative(text: $0, confidence: min(1, scores[$0]! / fused))
        }
        voted = CharacterVote.readings(of: reads + cutAgreeing).map { vote in
            let best = vote.hypotheses[0], next = vote.hypotheses.dropFirst().first
            return VotedReading(text: best.text, score: best.confidence, runnerUpScore: next?.confidence ?? 0,
                                runnerUp: next?.text, splitDecided: best.splitDecided, voters: vote.voters)
        }
    }
}
