extension ConfidenceCalibration {
    /// Tables fitted by scripts/calibrate-confidence.py, per OCR model name.
    static let fitted: [String: ConfidenceCalibration] = [:]
}
