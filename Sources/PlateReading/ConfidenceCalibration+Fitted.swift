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
    ///
    /// Session 12 blended the OCR's own scores into its character probabilities
    /// (``SymbolReading/scoreShareWeight``) and kept this table, which is now cautious on
    /// rendered frames too: seed 31 gives 223 exact of 294, and of the reads at 0.8 or more,
    /// 1 of 65 (seed 2026) and 1 of 76 (seed 4242) are wrong, where the table promises up to
    /// 1 in 5. Refitted on the blended scores (`(0.0595, 0.750) … (0.4785, 0.992)`), the
    /// table lifts alternatives as much as winners, and the scan's margins, tuned on this one,
    /// lost a true case on two drives (`BA-BS 7823` beside `BA-BS 7829`: 0.92 against 0.77
    /// in every read, fused to a tie); 5 of 124 and 7 of 123 reads at 0.8 or more were wrong.
    static let fitted: [String: ConfidenceCalibration] = [
        "eng": ConfidenceCalibration(points: [(0.0010, 0.143), (0.0020, 0.200), (0.0105, 0.227), (0.0275, 0.320), (0.0430, 0.438), (0.0520, 0.571), (0.0835, 0.645), (0.1265, 0.682), (0.1865, 0.758), (0.2600, 0.786), (0.5000, 0.990)]),
    ]
}
