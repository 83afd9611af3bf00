import Foundation

/// How well the gaps between a plate's symbols fit a layout, i.e. where the seal-sticker gap
/// (district | letters) and the letter/digit space fall.
///
/// Each gap (in character heights, as ``SymbolReading/gapBefore``) is modelled as
/// `0.9 × Normal(μ, σ) + 0.1 × Uniform(0, 1.5)` (the uniform part keeps outliers from
/// dominating) with
/// - within a group: μ 0.1, σ 0.08,
/// - letter/digit space: μ 0.4, σ 0.12,
/// - sticker gap: μ 0.75, σ 0.2.
///
/// Calibration against the plate itself: the gaps are shifted so that the median of all but
/// the two largest gaps (which are inner gaps whatever the layout) sits at 0.1; the shift is
/// limited to -0.1...+0.15 character heights.
///
/// A layout's evidence is the natural-log likelihood ratio of its sticker and space gaps
/// against their being inner gaps; the other gaps are inner in every layout and cancel.
struct PlateGapModel {
    private struct GapType {
        var mean: Double
        var deviation: Double

        func logLikelihood(_ gap: Double) -> Double {
            let z = (gap - mean) / deviation
            let normal = exp(-0.5 * z * z) / (deviation * (2 * Double.pi).squareRoot())
            return log(0.9 * normal + 0.1 / 1.5)
        }
    }

    private static let inner = GapType(mean: 0.1, deviation: 0.08)
    private static let space = GapType(mean: 0.4, deviation: 0.12)
    private static let sticker = GapType(mean: 0.75, deviation: 0.2)

    /// Per symbol of the reading: log L(sticker gap before it) / L(inner gap before it).
    private var stickerRatio: [Double]
    /// Per symbol of the reading: log L(space before it) / L(inner gap before it).
    private var spaceRatio: [Double]

    /// `symbols`: the symbols a reading uses, first to last (the first one's gap is ignored).
    init(_ symbols: ArraySlice<SymbolReading>) {
        let gaps = symbols.dropFirst().map { $0.gapBefore.isFinite ? max(0, $0.gapBefore) : 0 }
        let baseline = gaps.sorted().dropLast(2)
        var shift = 0.0
        if !baseline.isEmpty {
            let half = baseline.count / 2
            let median = baseline.count % 2 == 1
                ? baseline[half]
                : (baseline[half - 1] + baseline[half]) / 2
            shift = min(0.15, max(-0.1, median - Self.inner.mean))
        }
        let shifted = gaps.map { $0 - shift }
        stickerRatio = [0] + shifted.map { Self.sticker.logLikelihood($0) - Self.inner.logLikelihood($0) }
        spaceRatio = [0] + shifted.map { Self.space.logLikelihood($0) - Self.inner.logLikelihood($0) }
    }

    /// Evidence for the sticker gap in front of symbol `index` of the reading.
    func stickerEvidence(at index: Int) -> Double { stickerRatio[index] }

    /// Evidence for a separator (a space or the sticker gap) before symbol `index`, against
    /// an inner gap.
    func separatorEvidence(at index: Int) -> Double { max(stickerRatio[index], spaceRatio[index]) }

    /// Evidence for the sticker gap before symbol `stickerAt` and the letter/digit space
    /// before symbol `spaceAt` (indices within the reading).
    func layoutEvidence(stickerAt: Int, spaceAt: Int) -> Double {
        stickerRatio[stickerAt] + spaceRatio[spaceAt]
    }

    /// The largest ``layoutEvidence(stickerAt:spaceAt:)`` over the layouts the German
    /// grammar allows for `count` symbols.
    func bestLayoutEvidence(count: Int) -> Double {
        var best = -Double.infinity
        for district in 1...3 {
            for letters in 1...2 {
                for suffix in 0...1 where (1...4).contains(count - district - letters - suffix) {
                    best = max(best, layoutEvidence(stickerAt: district, spaceAt: district + letters))
                }
            }
        }
        return best
    }
}
