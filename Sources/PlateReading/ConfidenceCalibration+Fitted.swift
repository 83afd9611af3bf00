extension ConfidenceCalibration {
    /// Tables fitted by scripts/calibrate-confidence.py, per OCR model name.
    ///
    /// `eng` (with Debian's `deu` as fallback and the glyph model, the default reader): 300
    /// rendered frames of seed 31, 293 best reads of which 200 exact (before the glyph
    /// network: 291 and 138); reproduce with
    /// `parkscan-synth plates --count 300 --seed 31 --out /tmp/cal` and
    /// `parkscan read --json --raw-confidence /tmp/cal`. Rendered frames are harder than the
    /// real photos measured so far, so on real photos these confidences run low (cautious).
    static let fitted: [String: ConfidenceCalibration] = [
        "eng": ConfidenceCalibration(points: [(0.0005, 0.143), (0.0085, 0.273), (0.0250, 0.333), (0.0425, 0.348), (0.0660, 0.500), (0.0965, 0.545), (0.1310, 0.667), (0.1875, 0.696), (0.2280, 0.696), (0.2600, 0.769), (0.3040, 0.905), (0.5245, 0.988)]),
    ]
}
