/// How a ``PlateReader`` is set up.
public struct PlateReaderConfiguration: Sendable {
    /// The Tesseract model that reads the characters.
    public var model: OCRModel
    /// A second model that reads again the lines the first is unsure of; the surer reading
    /// is kept. Default: Debian's German model beside the English one (it has Ä, Ö, Ü).
    public var fallbackModel: OCRModel?
    /// The plate-font glyph model that reads every line again, one character per column;
    /// default: the one shipped in `Models/` when it is found.
    public var glyphModel: GlyphModel?
    /// The plate-font line model that reads every line again as a whole sequence; default:
    /// the one shipped in `Models/` when it is found.
    public var lineModel: LineModel?
    /// Plate candidates read per frame, best detections first.
    public var maxCandidates: Int
    /// Alternatives kept per plate besides the best reading.
    public var maxAlternatives: Int
    /// Plates whose best reading is less sure than this are not reported.
    public var minimumConfidence: Double
    /// Turns raw scores into confidences; by default the table fitted for the model.
    public var calibration: ConfidenceCalibration

    public init(
        model: OCRModel = .preferred(), fallbackModel: OCRModel? = .stockGerman,
        glyphModel: GlyphModel? = .shipped(), lineModel: LineModel? = .shipped(), maxCandidates: Int = 4,
        maxAlternatives: Int = 4,
        minimumConfidence: Double = 0.0001, calibration: ConfidenceCalibration? = nil
    ) {
        self.model = model
        self.fallbackModel = fallbackModel
        self.glyphModel = glyphModel
        self.lineModel = lineModel
        self.calibration = calibration ?? model.calibration
        self.maxCandidates = maxCandidates
        self.maxAlternatives = maxAlternatives
        self.minimumConfidence = minimumConfidence
    }

    /// Characters the OCR may return: Latin capitals and digits, plus umlauts when the model has them.
    var characterWhitelist: String {
        let base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        let withUmlauts: Set<String> = ["deu", OCRModel.shippedName]
        let names = [model, fallbackModel].compactMap { $0?.name.split(separator: "+") }.joined()
        return names.contains { withUmlauts.contains(String($0)) } ? base + "ÄÖÜ" : base
    }
}
