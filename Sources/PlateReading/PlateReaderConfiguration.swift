/// How a ``PlateReader`` is set up.
public struct PlateReaderConfiguration: Sendable {
    /// Folder with `<model>.traineddata`; nil for Tesseract's default (Debian's tessdata).
    public var tessdataPath: String?
    /// Tesseract model name.
    public var model: String
    /// Plate candidates read per frame, best detections first.
    public var maxCandidates: Int
    /// Alternatives kept per plate besides the best reading.
    public var maxAlternatives: Int
    /// Plates whose best reading is less sure than this are not reported.
    public var minimumConfidence: Double

    public init(
        tessdataPath: String? = nil, model: String = "eng", maxCandidates: Int = 4, maxAlternatives: Int = 4,
        minimumConfidence: Double = 0.0001
    ) {
        self.tessdataPath = tessdataPath
        self.model = model
        self.maxCandidates = maxCandidates
        self.maxAlternatives = maxAlternatives
        self.minimumConfidence = minimumConfidence
    }

    /// Characters the OCR may return: Latin capitals and digits, plus umlauts when the model has them
    /// (`deu`, and our own `plate` model from `scripts/train-plate-model.sh`).
    var characterWhitelist: String {
        let base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        let models = model.split(separator: "+")
        return models.contains("deu") || models.contains("plate") ? base + "ÄÖÜ" : base
    }
}
