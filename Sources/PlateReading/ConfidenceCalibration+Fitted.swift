extension ConfidenceCalibration {
    /// Tables fitted by scripts/calibrate-confidence.py, per OCR model name.
    ///
    /// `eng` (with Debian's `deu` as fallback, the default reader): 300 rendered frames of
    /// seed 31, 291 best reads of which 138 exact; reproduce with
    /// `parkscan-synth plates --count 300 --seed 31 --out /tmp/cal` and
    /// `parkscan read --json --raw-confidence /tmp/cal`. Rendered frames are harder than the
    /// real photos measured so far, so on real photos these confidences run low (cautious).
    static let fitted: [String: ConfidenceCalibration] = [
        "eng": ConfidenceCalibration(points: [(0.0010, 0.143), (0.0020, 0.143), (0.0285, 0.224), (0.0715, 0.250), (0.1230, 0.418), (0.1815, 0.629), (0.2595, 0.692), (0.4065, 0.839), (0.5540, 0.889), (0.6285, 0.900)]),
    ]
}
