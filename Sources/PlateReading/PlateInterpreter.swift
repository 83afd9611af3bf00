/// Turns a plate's OCR symbols into ranked readings: the German grammar (``PlateDecoder``),
/// the layouts of common foreign series (``ForeignPlateFormat``) and the raw reading compete
/// on probability.
public enum PlateInterpreter {
    /// Readings shorter than this are not plates (German plates have at least 3 characters).
    static let minimumLength = 3

    /// Probability that the seal stickers between district and letters were read as a
    /// character (when dull or blurred they look like `8`, `S` or `G`). 0.3 until session 15;
    /// since the glyph network reads stickers as no character, 0.1 lost nothing on the 260
    /// benchmark frames (seed 4242: 136 German plates instead of 135) and the 14 drives, and
    /// found seed 15's `BO-PB 39`, whose O a prior of 0.3 dropped as a sticker in every frame
    /// (0.03 read 142 German plates of seed 2026 instead of 143).
    static let stickerReadPrior = 0.1
    /// The stickers are read as a character the OCR is unsure of, seldom as one it is sure of:
    /// the prior shrinks by this share of the dropped character's confidence (200 rendered
    /// frames: 3 more read with 0.5-0.8 than without; a sure O dropped as a sticker lost them).
    static let stickerSureShare = 0.8
    /// The gap the stickers leave, in character heights.
    static let stickerGap = 0.75
    /// A one-letter band code other than `D` (`I`, `B`, `L`, `F`, ...) may be a `D` misread at
    /// small sizes: the German readings still compete, at this prior. When the characters fit
    /// no layout of the band's country but parse as a German plate, the German form wins (seed
    /// 7's drive: `KB-XZ 3048`, its band read `I`, came out `KBXZ3048` from Italy in one pass
    /// and lost its case; with the prior 19 of 22 true cases instead of 18, no false one on the
    /// six check drives; the 260 benchmark images unchanged). Two-letter codes (`CZ`, `PL`)
    /// are not misreads of `D`: the Czech `WSQ3021` stays Czech.
    static let bandLetterMisreadPrior = 0.05

    /// The symbols with one of the 2nd-4th taken for the stickers (after a district of
    /// 1-3 letters): dropped, and the gap they stand in given to the next symbol; the surer
    /// the OCR was of the dropped character, the less likely the variant.
    static func withoutSticker(_ symbols: [SymbolReading]) -> [([SymbolReading], Double)] {
        guard symbols.count >= 4 else { return [] }
        return (1...min(3, symbols.count - 3)).map { index in
            var variant = symbols
            let dropped = variant.remove(at: index)
            variant[index].gapBefore = max(stickerGap, variant[index].gapBefore)
            let sure = min(1, max(0, dropped.choices.first?.confidence ?? 0))
            return (variant, stickerReadPrior * (1 - stickerSureShare * sure))
        }
    }

    /// The German readings of `symbols` (``PlateDecoder``), their confidence times `prior`.
    static func germanReadings(_ symbols: [SymbolReading], bandCountry: String?, prior: Double,
                               maxHypotheses: Int) -> [PlateHypothesis] {
        PlateDecoder.decode(symbols, bandCountry: bandCountry, maxHypotheses: maxHypotheses)
            .filter { $0.country == "D" }
            .map { hypothesis in
                var hypothesis = hypothesis
                hypothesis.confidence *= prior
                return hypothesis
            }
    }

    /// Prior of the German readings of a plate with a printed hyphen: German plates print
    /// none (the seal stickers stand between district and letters), French, Belgian and Dutch
    /// ones do; the hyphen may still be a speck of dirt.
    static let hyphenatedGermanPrior = 0.1

    /// Prior of the German readings of a plate whose band code, too small to read, is as wide
    /// as two letters (`CZ`, `PL`; `D` has one): the code's width may be mismeasured, so they
    /// still compete (and stay among the alternatives a right is looked up by). Found seed
    /// 32's Czech `8VY 9785`, read `B-VY 9785` (a Berlin plate) in most frames before.
    static let twoLetterBandGermanPrior = 0.1

    /// - Parameters:
    ///   - yellowPlate: the plate's paper is yellow (Dutch plates, Luxembourg's and British
    ///     rear plates): it is no German plate, and a `D` read on its band is a misread.
    ///   - hyphenated: a hyphen is printed between the characters: most likely no German plate.
    ///   - twoLetterBand: the band's code, unread, is as wide as two letters: most likely no
    ///     German plate.
    public static func interpret(
        _ symbols: [SymbolReading], bandCountry: String?, yellowPlate: Bool = false, hyphenated: Bool = false,
        twoLetterBand: Bool = false, maxHypotheses: Int = 5
    ) -> [PlateHypothesis] {
        let bandCountry = yellowPlate && bandCountry == "D" ? nil : bandCountry
        var candidates = PlateDecoder.decode(
            symbols, bandCountry: bandCountry, germanGrammar: !yellowPlate, maxHypotheses: maxHypotheses + 2)
        if !yellowPlate && (bandCountry == nil || bandCountry == "D") {
            for (variant, prior) in withoutSticker(symbols) {
                candidates += germanReadings(variant, bandCountry: bandCountry, prior: prior, maxHypotheses: maxHypotheses)
            }
        }
        if let band = bandCountry, band.count == 1, band != "D", !yellowPlate {
            candidates += germanReadings(symbols, bandCountry: nil, prior: bandLetterMisreadPrior, maxHypotheses: maxHypotheses)
        }
        if bandCountry != "D" {
            let formats = (bandCountry.map { band in ForeignPlateFormat.common.filter { $0.country == band } }
                ?? ForeignPlateFormat.common).filter { !yellowPlate || ForeignPlateFormat.yellowCountries.contains($0.country) }
            candidates += ForeignPlateMatcher.readings(symbols, formats: formats)
        }
        let germanPrior = (hyphenated ? hyphenatedGermanPrior : 1) * (twoLetterBand && bandCountry == nil ? twoLetterBandGermanPrior : 1)
        if germanPrior < 1 {
            for index in candidates.indices where candidates[index].country == "D" {
                candidates[index].confidence *= germanPrior
            }
        }
        var best: [String: PlateHypothesis] = [:]
        for candidate in candidates where candidate.normalized.count >= minimumLength {
            if let known = best[candidate.normalized] {
                // The same characters by two routes (grammar, layout, raw): keep the surer
                // confidence, and the written form of the route that has one with that route's
                // country (a German split never goes out under another country's band).
                var merged = known.confidence >= candidate.confidence ? known : candidate
                let other = known.confidence >= candidate.confidence ? candidate : known
                if merged.text == merged.normalized, other.text != other.normalized {
                    merged.text = other.text
                    merged.country = other.country ?? merged.country
                    merged.splitDecided = other.splitDecided
                }
                if merged.country == nil { merged.country = other.country }
                best[candidate.normalized] = merged
            } else {
                best[candidate.normalized] = candidate
            }
        }
        return best.values
            .sorted { $0.confidence > $1.confidence || ($0.confidence == $1.confidence && $0.text < $1.text) }
            .prefix(maxHypotheses)
            .map { $0 }
    }
}
