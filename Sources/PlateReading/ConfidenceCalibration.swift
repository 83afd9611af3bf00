/// Maps the interpreter's raw scores to the share of reads that were right at that score.
///
/// The raw score (character probabilities × grammar or layout prior × split posterior) ranks
/// readings well but is not a probability: a clean German read scores about 0.5 and is right
/// far more often than that. The table is fitted on rendered frames (a seed never used for
/// training or benchmarks) by `scripts/calibrate-confidence.py`: isotonic regression of
/// "best reading exact" on the raw score, so calibrated confidence never falls as the raw
/// score rises. Between points it interpolates linearly.
public struct ConfidenceCalibration: Sendable, Equatable {
    /// (raw score, share right), raw scores rising.
    public var points: [(raw: Double, calibrated: Double)]

    public init(points: [(raw: Double, calibrated: Double)]) {
        self.points = points.sorted { $0.raw < $1.raw }
    }

    public static func == (a: ConfidenceCalibration, b: ConfidenceCalibration) -> Bool {
        a.points.elementsEqual(b.points) { $0.raw == $1.raw && $0.calibrated == $1.calibrated }
    }

    /// No change: the raw score is reported as it is.
    public static let identity = ConfidenceCalibration(points: [(0, 0), (1, 1)])

    public func callAsFunction(_ raw: Double) -> Double {
        guard let first = points.first, let last = points.last else { return raw }
        if raw <= first.raw { return first.calibrated * (first.raw > 0 ? raw / first.raw : 1) }
        if raw >= last.raw { return last.calibrated }
        let upper = points.firstIndex { $0.raw >= raw }!
        let (a, b) = (points[upper - 1], points[upper])
        let t = b.raw > a.raw ? (raw - a.raw) / (b.raw - a.raw) : 1
        return a.calibrated + t * (b.calibrated - a.calibrated)
    }
}

extension ConfidenceCalibration {
    /// Calibrated confidences for `hypotheses` (raw scores, each times `plausibility`), where
    /// readings that differ only in umlaut dots (`BO-Y 632` / `BÖ-Y 632`) are told apart by
    /// the dots alone: a reading is right when its characters are right up to the dots
    /// (the calibrated score of the twins together) and its dots are right (its share of the
    /// twins' raw score). Where the dots were lost, the share is the decoder's prior (BO 2/3,
    /// BÖ 1/3), and a BO read cannot look surer than that: the raw scores are compressed
    /// (a clean read scores about 0.5), so sharing them did not show in the calibrated
    /// confidence (BO-Y 632 read at 0.97 for BÖ-Y 632). Never higher than the plain
    /// calibration of the reading's own score.
    /// - Parameter all: every reading of the candidate (the twin may be ranked below `hypotheses`).
    public func calibrate(_ hypotheses: [PlateHypothesis], among all: [PlateHypothesis], plausibility: Double) -> [PlateHypothesis] {
        var twins: [String: Double] = [:]
        for reading in all { twins[Self.withoutDots(reading.normalized), default: 0] += reading.confidence }
        return hypotheses.map { hypothesis in
            var hypothesis = hypothesis
            let own = self(hypothesis.confidence * plausibility)
            let together = twins[Self.withoutDots(hypothesis.normalized)] ?? 0
            if together > hypothesis.confidence, hypothesis.confidence > 0 {
                let share = hypothesis.confidence / together
                hypothesis.confidence = min(own, self(together * plausibility) * share)
            } else {
                hypothesis.confidence = own
            }
            return hypothesis
        }
    }

    /// `text` with Ä Ö Ü as A O U.
    static func withoutDots(_ text: String) -> String {
        String(text.map { c in ["Ä": "A", "Ö": "O", "Ü": "U"][c] ?? c })
    }
}
