/// Turns a plate's OCR symbols into ranked readings: the German grammar (``PlateDecoder``),
/// the layouts of common foreign series (``ForeignPlateFormat``) and the raw reading compete
/// on probability.
public enum PlateInterpreter {
    /// Readings shorter than this are not plates (German plates have at least 3 characters).
    static let minimumLength = 3

    public static func interpret(
        _ symbols: [SymbolReading], bandCountry: String?, maxHypotheses: Int = 5
    ) -> [PlateHypothesis] {
        var candidates = PlateDecoder.decode(symbols, bandCountry: bandCountry, maxHypotheses: maxHypotheses + 2)
        if bandCountry != "D" {
            let formats = bandCountry.map { band in ForeignPlateFormat.common.filter { $0.country == band } }
                ?? ForeignPlateFormat.common
            candidates += ForeignPlateMatcher.readings(symbols, formats: formats)
        }
        var best: [String: PlateHypothesis] = [:]
        for candidate in candidates where candidate.normalized.count >= minimumLength {
            if let known = best[candidate.normalized] {
                // The same characters through two routes: keep the surer one, and the country
                // and canonical form of a layout match over a raw reading.
                var merged = known.confidence >= candidate.confidence ? known : candidate
                if merged.country == nil, let country = known.country ?? candidate.country {
                    merged.country = country
                    merged.text = known.country != nil ? known.text : candidate.text
                }
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
