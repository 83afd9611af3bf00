import Foundation

/// Re-weighing a German plate's texts by how likely the line model finds each of them.
///
/// The readings vote per text: where blur joins a narrow `I` to its neighbour, Tesseract's
/// readings agree on the text without it (`RE-PY 126` for `RIE-PY 126`) and outvote the line
/// model's reading, which counts half. The line model can judge every text the readings give,
/// not just its own best path: the likelihood of a text sums over every way the line's steps
/// spell it (CTC's forward pass, `LineModel.cpp`). Each text's confidence is multiplied by its
/// likelihood relative to the likeliest text, so a text the line cannot have gives way.
///
/// Measured (`parkscan bench read`, session 20; before → after): German plates exact with
/// split 166 → 168 of 176 (seed 2026) and 155 → 162 of 169 (seed 4242); wrong at confidence
/// 0.8 or more 0 → 0 of 91 and 1 → 0 of 88 (`PB-SV 1550`: the seal read as an `S` is gone);
/// real photos 54 of 60 either way. Only where the best text is German: on every plate the
/// real photos read 44 of 60 (the model learnt rendered fonts and, sure of itself, reads the
/// Slovak `ZA 834CO` as `ZA 83433`); the grammar keeps a German plate's texts to what can be.
extension PlateReader {
    /// Whether the candidate's best text is a German plate (the texts the line model weighs).
    static func isGerman(_ ranked: [RankedText]) -> Bool {
        ranked.count >= 2 && ranked.first?.hypothesis.country == "D"
    }

    /// `ranked` with each text's confidence multiplied by the line model's likelihood of it
    /// (`logLikelihoods`, in the same order) relative to the likeliest text, surest first.
    /// Unchanged without likelihoods or where no text is possible at all for the model.
    static func weighedByLikelihood(
        _ ranked: [RankedText], _ logLikelihoods: [Float]?
    ) -> [RankedText] {
        guard let logLikelihoods, logLikelihoods.count == ranked.count,
              let likeliest = logLikelihoods.max(), likeliest.isFinite else { return ranked }
        var weighed = ranked
        for (index, logLikelihood) in logLikelihoods.enumerated() {
            weighed[index].hypothesis.confidence *= logLikelihood.isFinite ? exp(Double(logLikelihood - likeliest)) : 0
        }
        return weighed.enumerated().sorted {
            ($0.element.hypothesis.confidence, -$0.offset) > ($1.element.hypothesis.confidence, -$1.offset)
        }.map(\.element)
    }
}
