import Foundation

/// Turns the OCR's per-symbol readings of one plate into ranked plate hypotheses, applying
/// the German plate grammar (``GermanPlate``) when the plate is or may be German.
///
/// ## Search
/// The symbols (after optionally dropping one low-confidence junk symbol at either end) are
/// assigned to the groups district | letters | digits | suffix in every way the grammar
/// allows (district 1-3, letters 1-2, digits 1-4, suffix 0-1, at most 8 in all: at most 12
/// layouts per trim). For each layout each group keeps only its best few readings (beam
/// `maxHypotheses + 2`; district codes are searched with prefix pruning): about 0.15 ms
/// for 10 symbols × 4 choices in a release build.
/// Positions take characters of their group's class: the OCR's own choices where they fit,
/// otherwise a confusion partner (O/0, I/1, B/8, S/5, Z/2; weaker G/6, D/0, Q/0, T/7, A/4;
/// an offered umlaut as the plain letter in the letter group).
///
/// ## Confidence
/// `confidence = P(characters) × layout factor × P(split | gaps) × trim factor`, summed over
/// the ways of reaching the same text and capped at 1, where
/// - `P(characters)` is the product over positions of `p(c)`: a listed choice has
///   `p(c) = confidence(c) / max(1, Σ confidences of all choices at that position)`;
///   a character only reachable by substitution has the `p` of the listed character it
///   replaces times 0.25 (O/0, I/1, B/8, S/5, Z/2) or 0.08 (G/6, D/0, Q/0, T/7, A/4);
///   a listed character takes the larger of its own `p` and any substitution's.
/// - Umlaut restoration: Tesseract's English model cannot produce Ä Ö Ü, so where the OCR
///   offered not the letter's own umlaut at a district position, an A/O/U there stands for itself or its
///   umlaut. The district readings this yields that are codes share the probability with
///   weights 1 for each plain letter and 0.5 for each restored umlaut: `DUW` (not a code)
///   becomes `DÜW` at no cost; `BO` stays `BO` with 2/3 and `BÖ` is offered with 1/3
///   (Bochum is about twice Börde's size). If the OCR lists `Ö`, its own confidence counts.
/// - Layout factor: `exp(evidence(layout) − best evidence of any grammatical layout)` with the
///   gap evidence of ``PlateGapModel`` (where the sticker gap and the letter/digit space fall).
///   1 for the layout the gaps fit best, and for every layout when the gaps are uniform; a
///   reading that puts the sticker gap where the plate shows none is penalised.
/// - `P(split | gaps)`: when the same characters admit several grammatical district splits
///   (`MAB1234`: M-AB or MA-B), the splits share probability 1 by a softmax over the
///   sticker-gap evidence of each. A split with at least 0.9 of it is decided; otherwise all
///   the competing splits get `splitDecided = false` (uniform gaps: 0.5 each for two
///   splits). A plate with a single grammatical split has factor 1.
/// - Trim factor: dropping an end symbol (allowed when its best alphanumeric `p` is below
///   0.5) costs `0.3 × (1 − p)` per dropped symbol.
/// - The raw best reading without grammar (`text == normalized`, no split) competes at
///   `P(characters) × 0.1` with `country == nil` when no band was read, so a German reading
///   needing several substitutions loses to it (`RK828AG`), and at `P(characters) × 0.02`
///   with country `D` and `splitDecided == false` under a `D` band (special series such as
///   `Y-123 456`, or a misread). German readings carry `country = "D"` even without a band.
///
/// With a band other than `D` the hypotheses are the raw readings with that country and
/// `confidence = P(characters) × trim factor`.
public enum PlateDecoder {
    /// Ranked readings of `symbols`, best first, at most `maxHypotheses`.
    ///
    /// - Parameters:
    ///   - symbols: the OCR's symbols left to right, with per-symbol choices and gaps.
    ///   - bandCountry: the country code on the plate's EU band (`D`, `PL`, ...) or nil when
    ///     no band was read. A code other than `D` (case-insensitive) skips the German
    ///     grammar: the hypotheses are the best raw readings with that country.
    ///   - germanGrammar: false for a plate known not to be German (a yellow plate): the raw
    ///     readings, with the band's country if it names another one.
    ///   - maxHypotheses: the most hypotheses returned.
    /// - Returns: hypotheses with ``PlateHypothesis/confidence`` as described on the type;
    ///   empty when there are no symbols or no readable characters.
    public static func decode(
        _ symbols: [SymbolReading], bandCountry: String?, germanGrammar: Bool = true, maxHypotheses: Int = 5
    ) -> [PlateHypothesis] {
        guard maxHypotheses > 0, !symbols.isEmpty else { return [] }
        let positions = symbols.map(Position.init)
        let beam = maxHypotheses + 2

        let foreignBand = bandCountry.flatMap { $0.uppercased() == "D" ? nil : $0 }
        if foreignBand != nil || !germanGrammar {
            // Without a band's country, the raw reading keeps the prior it has beside the grammar.
            let prior = foreignBand == nil ? foreignPrior : 1
            return rawReadings(positions, beam: beam).prefix(maxHypotheses).map {
                PlateHypothesis(text: $0.text, normalized: $0.text, country: foreignBand, confidence: min(1, $0.probability * prior))
            }
        }

        let germanReadings = germanReadings(symbols, positions, beam: beam, limit: maxHypotheses)
        var hypotheses = germanReadings.hypotheses
        let german = germanReadings.texts
        // The reading without grammar competes at a prior: a foreign plate when no band was
        // seen, an ungrammatical (special-series or misread) German plate under a `D` band.
        for raw in rawReadings(positions, beam: beam) where !german.contains(raw.text) {
            hypotheses.append(bandCountry == nil
                ? PlateHypothesis(
                    text: raw.text, normalized: raw.text, country: nil,
                    confidence: min(1, raw.probability * foreignPrior)
                )
                : PlateHypothesis(
                    text: raw.text, normalized: raw.text, country: "D",
                    confidence: min(1, raw.probability * ungrammaticalPenalty), splitDecided: false
                ))
        }
        hypotheses.sort { $0.confidence > $1.confidence || ($0.confidence == $1.confidence && $0.text < $1.text) }
        return Array(hypotheses.prefix(maxHypotheses))
    }

    // MARK: Tuning constants (see the type's documentation)

    /// An end symbol whose best alphanumeric probability is below this may be dropped as junk.
    static let junkConfidenceLimit = 0.5
    /// Prior for an end symbol being junk; dropping one costs `junkPrior × (1 − p)`.
    static let junkPrior = 0.3
    /// Factor on the raw (non-German) reading when no band country was read.
    static let foreignPrior = 0.005
    /// Factor on an ungrammatical raw reading under a `D` band.
    static let ungrammaticalPenalty = 0.02
    /// Weight of a restored umlaut relative to the plain letter when both give district codes.
    static let umlautWeight = 0.5
    /// A district split with at least this posterior counts as decided by the gaps.
    static let decidedSplitPosterior = 0.9
    /// How many characters per district position the district search combines.
    static let districtChoicesPerPosition = 5

    // MARK: German readings

    private struct GermanCandidate {
        /// District, letters, digits and suffix run together: the normalized form.
        var text: String
        var districtLength: Int
        var lettersLength: Int
        var digitsLength: Int
        var hasSuffix: Bool
        var trim: Int
        var probability: Double

        /// The plate; nil only if construction broke the grammar (it does not).
        var plate: GermanPlate? {
            let chars = Array(text)
            let lettersEnd = districtLength + lettersLength
            let digitsEnd = lettersEnd + digitsLength
            return GermanPlate(
                district: String(chars[..<districtLength]),
                letters: String(chars[districtLength..<lettersEnd]),
                digits: String(chars[lettersEnd..<digitsEnd]),
                suffix: hasSuffix ? GermanPlate.Suffix(rawValue: chars[digitsEnd]) : nil
            )
        }
    }

    /// Candidates less likely than this fraction of the best are not turned into hypotheses.
    static let pruneRatio = 1e-4

    /// The `limit` best German readings, and the normalized texts of all readings considered.
    private static func germanReadings(
        _ symbols: [SymbolReading], _ positions: [Position], beam: Int, limit: Int
    ) -> (hypotheses: [PlateHypothesis], texts: Set<String>) {
        var candidates: [GermanCandidate] = []
        var districtCache: [Int: [Scored]] = [:]
        var groupCache: [Int: [Scored]] = [:]

        func districts(_ start: Int, _ length: Int) -> [Scored] {
            let key = start * 4 + length
            if let cached = districtCache[key] { return cached }
            let result = districtReadings(positions[start..<start + length], beam: beam)
            districtCache[key] = result
            return result
        }
        func group(_ slot: Slot, _ start: Int, _ length: Int) -> [Scored] {
            let key = (start * 8 + length) * 8 + slot.rawValue
            if let cached = groupCache[key] { return cached }
            var partial = [Scored(text: "", probability: 1)]
            for index in start..<start + length {
                let slotHere: Slot = (slot == .digit && index == start) ? .leadingDigit : slot
                partial = topProducts(partial, positions[index].candidates[slotHere.rawValue], beam: beam)
                if partial.isEmpty { break }
            }
            groupCache[key] = partial
            return partial
        }

        let trims = trims(positions)
        var gapModels: [PlateGapModel?] = Array(repeating: nil, count: trims.count)
        for (trimIndex, trim) in trims.enumerated() {
            let count = trim.end - trim.start
            guard (3...GermanPlate.maximumLength).contains(count) else { continue }
            let gaps = PlateGapModel(symbols[trim.start..<trim.end])
            gapModels[trimIndex] = gaps
            let bestLayout = gaps.bestLayoutEvidence(count: count)
            for districtLength in 1...3 {
                let districtList = districts(trim.start, districtLength)
                if districtList.isEmpty { continue }
                for lettersLength in 1...2 where districtLength + lettersLength < count {
                    let letterList = group(.letter, trim.start + districtLength, lettersLength)
                    if letterList.isEmpty { continue }
                    let head = topProducts(districtList, letterList, beam: beam)
                    let layoutFactor = trim.factor * exp(
                        gaps.layoutEvidence(stickerAt: districtLength, spaceAt: districtLength + lettersLength) - bestLayout
                    )
                    for suffixLength in 0...1 {
                        let digitsLength = count - districtLength - lettersLength - suffixLength
                        guard (1...4).contains(digitsLength) else { continue }
                        var partial = topProducts(head, group(.digit, trim.start + districtLength + lettersLength, digitsLength), beam: beam)
                        if suffixLength == 1 {
                            partial = topProducts(partial, positions[trim.end - 1].candidates[Slot.suffix.rawValue], beam: beam)
                        }
                        for reading in partial {
                            candidates.append(GermanCandidate(
                                text: reading.text, districtLength: districtLength, lettersLength: lettersLength,
                                digitsLength: digitsLength, hasSuffix: suffixLength == 1, trim: trimIndex,
                                probability: reading.probability * layoutFactor
                            ))
                        }
                    }
                }
            }
        }
        let best = candidates.reduce(0) { max($0, $1.probability) }
        candidates.removeAll { $0.probability < best * pruneRatio || $0.probability == 0 }

        // Competing splits of the same characters share probability by the sticker gap.
        var groups: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            groups["\(trims[candidate.trim].start)|\(candidate.text)", default: []].append(index)
        }
        struct Key: Hashable {
            var text: String
            var districtLength: Int
            var lettersLength: Int
        }
        var merged: [Key: (candidate: Int, confidence: Double, decided: Bool)] = [:]
        for members in groups.values {
            let posteriors = splitPosteriors(members.map { candidates[$0] }, gapModels)
            let decided = members.count == 1 || (posteriors.max() ?? 0) >= decidedSplitPosterior
            for (member, posterior) in zip(members, posteriors) {
                let candidate = candidates[member]
                let key = Key(text: candidate.text, districtLength: candidate.districtLength, lettersLength: candidate.lettersLength)
                let confidence = candidate.probability * posterior
                if let existing = merged[key] {
                    merged[key] = (existing.candidate, existing.confidence + confidence, existing.decided && decided)
                } else {
                    merged[key] = (member, confidence, decided)
                }
            }
        }
        let ranked = merged.values.sorted {
            $0.confidence > $1.confidence
                || ($0.confidence == $1.confidence && candidates[$0.candidate].text < candidates[$1.candidate].text)
        }
        var hypotheses: [PlateHypothesis] = []
        for entry in ranked.prefix(limit) {
            guard let plate = candidates[entry.candidate].plate else { continue }
            hypotheses.append(PlateHypothesis(
                text: plate.canonical, normalized: plate.normalized, country: "D",
                confidence: min(1, entry.confidence), splitDecided: entry.decided
            ))
        }
        return (hypotheses, Set(candidates.map(\.text)))
    }

    /// P(split | gaps) for readings with identical characters that differ only in where
    /// the district ends: a softmax over the sticker-gap evidence of each split.
    private static func splitPosteriors(_ group: [GermanCandidate], _ gapModels: [PlateGapModel?]) -> [Double] {
        guard group.count > 1 else { return group.map { _ in 1 } }
        let scores = group.map { candidate -> Double in
            guard let gaps = gapModels[candidate.trim] else { return 1 }
            return exp(gaps.stickerEvidence(at: candidate.districtLength))
        }
        let total = scores.reduce(0, +)
        return scores.map { $0 / total }
    }

    /// District codes readable from `positions`, with umlaut restoration (see the type's doc).
    private static func districtReadings(_ positions: ArraySlice<Position>, beam: Int) -> [Scored] {
        let lists = positions.map { Array($0.candidates[Slot.district.rawValue].prefix(districtChoicesPerPosition)) }
        var best: [String: Double] = [:]
        var chars: [Character] = []

        func complete(_ probability: Double) {
            let toggles = chars.indices.filter { index in
                umlautOf[chars[index]].map { !positions[positions.startIndex + index].offeredUmlauts.contains($0) } ?? false
            }
            var variants: [(String, Double)] = []
            for mask in 0..<(1 << toggles.count) {
                var variant = chars
                var weight = 1.0
                for (bit, position) in toggles.enumerated() where mask & (1 << bit) != 0 {
                    variant[position] = umlautOf[chars[position]]!
                    weight *= umlautWeight
                }
                let code = String(variant)
                if GermanDistrictCodes.alphabetic.contains(code) { variants.append((code, weight)) }
            }
            let totalWeight = variants.reduce(0) { $0 + $1.1 }
            for (code, weight) in variants {
                best[code] = max(best[code] ?? 0, probability * weight / totalWeight)
            }
        }
        func extend(_ depth: Int, _ probability: Double) {
            if depth == lists.count { complete(probability); return }
            for candidate in lists[depth] {
                chars.append(candidate.text.first!)
                if districtPrefixes.contains(String(chars)) {
                    extend(depth + 1, probability * candidate.probability)
                }
                chars.removeLast()
            }
        }
        extend(0, 1)
        return best.map { Scored(text: $0.key, probability: $0.value) }
            .sorted(by: Scored.ranking)
            .prefix(beam).map { $0 }
    }

    private static let umlautOf: [Character: Character] = ["A": "Ä", "O": "Ö", "U": "Ü"]

    /// Prefixes of the letter-only district codes, as on the plate and with umlauts dropped.
    private static let districtPrefixes: Set<String> = {
        var prefixes: Set<String> = []
        for code in GermanDistrictCodes.alphabetic {
            let plain = String(code.map { c in umlautOf.first { $0.value == c }?.key ?? c })
            for form in [Array(code), Array(plain)] {
                for length in 1...form.count { prefixes.insert(String(form[..<length])) }
            }
        }
        return prefixes
    }()

    // MARK: Raw readings

    /// Best readings without grammar: each position's listed alphanumeric characters;
    /// positions with none are skipped.
    private static func rawReadings(_ positions: [Position], beam: Int) -> [Scored] {
        var merged: [String: Double] = [:]
        for trim in trims(positions) {
            var partial = [Scored(text: "", probability: trim.factor)]
            for position in positions[trim.start..<trim.end] where !position.listed.isEmpty {
                partial = topProducts(partial, position.listed, beam: beam)
            }
            for reading in partial where !reading.text.isEmpty {
                merged[reading.text, default: 0] += reading.probability
            }
        }
        return merged.map { Scored(text: $0.key, probability: $0.value) }.sorted(by: Scored.ranking)
    }

    // MARK: Helpers

    /// A partial or complete reading and its probability.
    struct Scored {
        var text: String
        var probability: Double

        static func ranking(_ a: Scored, _ b: Scored) -> Bool {
            a.probability > b.probability || (a.probability == b.probability && a.text < b.text)
        }
    }

    /// Which symbols a reading uses: all, or without a junk first and/or last symbol.
    private struct Trim {
        var start: Int
        var end: Int
        var factor: Double
    }

    private static func trims(_ positions: [Position]) -> [Trim] {
        let n = positions.count
        var result = [Trim(start: 0, end: n, factor: 1)]
        func dropCost(_ index: Int) -> Double? {
            let best = positions[index].bestProbability
            return best < junkConfidenceLimit ? junkPrior * (1 - best) : nil
        }
        let first = n > 1 ? dropCost(0) : nil
        let last = n > 1 ? dropCost(n - 1) : nil
        if let first { result.append(Trim(start: 1, end: n, factor: first)) }
        if let last { result.append(Trim(start: 0, end: n - 1, factor: last)) }
        if let first, let last, n > 2 { result.append(Trim(start: 1, end: n - 1, factor: first * last)) }
        return result
    }

    /// The `beam` best concatenations of a reading from `prefixes` and one from `next`
    /// (both sorted best first). Only pairs `(i, j)` with `(i + 1)(j + 1) <= beam` can be
    /// among the `beam` best, so only those are formed.
    private static func topProducts(_ prefixes: [Scored], _ next: [Scored], beam: Int) -> [Scored] {
        var pairs: [(i: Int, j: Int, probability: Double)] = []
        pairs.reserveCapacity(2 * beam)
        for i in 0..<min(prefixes.count, beam) {
            let limit = min(next.count, beam / (i + 1))
            for j in 0..<limit {
                pairs.append((i, j, prefixes[i].probability * next[j].probability))
            }
        }
        pairs.sort { $0.probability > $1.probability || ($0.probability == $1.probability && ($0.i, $0.j) < ($1.i, $1.j)) }
        return pairs.prefix(beam).map {
            Scored(text: prefixes[$0.i].text + next[$0.j].text, probability: $0.probability)
        }
    }
}
