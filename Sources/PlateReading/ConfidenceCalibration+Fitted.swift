extension ConfidenceCalibration {
    /// Tables fitted by scripts/calibrate-confidence.py, per OCR model name.
    ///
    /// `eng` (with Debian's `deu` as fallback, the default reader): 300 rendered frames of
    /// seed 31, 288 best reads of which 97 exact; reproduce with
    /// `parkscan-synth plates --count 300 --seed 31 --out /tmp/cal` and
    /// `parkscan read --json --raw-confidence /tmp/cal`. Rendered frames are harder than the
    /// real photos measured so far, so on real photos these confidences run low (cautious).
    static let fitted: [String: ConfidenceCalibration] = [
        "eng": ConfidenceCalibration(points: [(0.0020, 0.029), (0.0040, 0.167), (0.0080, 0.167), (0.0255, 0.167), (0.0820, 0.170), (0.1300, 0.273), (0.1470, 0.318), (0.2660, 0.375), (0.3815, 0.500), (0.4835, 0.833), (0.5950, 0.833), (0.6285, 0.900)]),
    ]
}
