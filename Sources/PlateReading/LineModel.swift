import Foundation

/// The plate-font line model (an ONNX file): a small convolutional network that reads a whole
/// plate line as a sequence, so that characters blur has joined into one column are still
/// read apart. The reader reads every plate line with it beside Tesseract and the glyph
/// model (see Models/README.md; `scripts/train-line-model.py` trains it).
public struct LineModel: Sendable, Equatable {
    /// The `.onnx` file.
    public var path: String
    /// Whether the model's likelihood of each text a German plate's readings give re-weighs
    /// those texts (see `PlateReader+LineLikelihood.swift`); else its reading is only one
    /// more reading.
    public var weighsGermanTexts: Bool

    public init(path: String, weighsGermanTexts: Bool = true) {
        self.path = path
        self.weighsGermanTexts = weighsGermanTexts
    }

    /// The model ParkScan ships: `Models/plate-lines.onnx`.
    public static let shippedName = "plate-lines.onnx"

    /// The shipped model, looked for where ``OCRModel/preferred(environment:)`` looks; nil if
    /// it is not found.
    public static func shipped(environment: [String: String] = ProcessInfo.processInfo.environment) -> LineModel? {
        OCRModel.shippedFolder(holding: shippedName, environment: environment).map { LineModel(path: $0 + "/" + shippedName) }
    }
}
