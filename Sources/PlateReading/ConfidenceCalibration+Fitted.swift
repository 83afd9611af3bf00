extension ConfidenceCalibration {
    /// Tables fitted by scripts/calibrate-confidence.py, per OCR model name.
    ///
    /// `eng` (with Debian's `deu` as fallback and the glyph model, the default reader): 300
    /// rendered frames of seed 31, 295 best reads of which 208 exact (session 10: umlauts
    /// rendered as plates print them, the glyph network retrained on them; session 5: 293
    /// and 200; before the glyph network: 291 and 138); reproduce with
    /// `parkscan-synth plates --count 300 --seed 31 --out /tmp/cal` and
    /// `parkscan read --json --raw-confidence /tmp/cal`. Rendered frames are harder than the
    /// real photos measured so far, so on real photos these confidences run low (cautious).
    static let fitted: [String: ConfidenceCalibration] = [
        "eng": ConfidenceCalibration(points: [(0.0010, 0.143), (0.0020, 0.200), (0.0105, 0.227), (0.0275, 0.320), (0.0430, 0.438), (0.0520, 0.571), (0.0835, 0.645), (0.1265, 0.682), (0.1865, 0.758), (0.2600, 0.786), (0.5000, 0.990)]),
    ]
}
