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
