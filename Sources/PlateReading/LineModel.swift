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
    /// A second network (`.onnx`) that reads nothing but judges: where German texts are
    /// weighed, each text's log-likelihood is the mean of the judge's and the model's.
    /// The shipped one was trained on degraded (blurred, too small, noisy) lines: the two
    /// err on different lines (Models/README.md).
    public var judgePath: String?

    public init(path: String, weighsGermanTexts: Bool = true, judgePath: String? = nil) {
        self.path = path
        self.weighsGermanTexts = weighsGermanTexts
        self.judgePath = judgePath
    }

    /// The model ParkScan ships: `Models/plate-lines.onnx`.
    public static let shippedName = "plate-lines.onnx"
    /// Its judge: `Models/plate-lines-judge.onnx`.
    public static let shippedJudgeName = "plate-lines-judge.onnx"

    /// The shipped model with the shipped judge beside it, looked for where
    /// ``OCRModel/preferred(environment:)`` looks; nil if the model is not found, no judge if
    /// the judge is not.
    public static func shipped(environment: [String: String] = ProcessInfo.processInfo.environment) -> LineModel? {
        OCRModel.shippedFolder(holding: shippedName, environment: environment).map { folder in
            let judge = folder + "/" + shippedJudgeName
            return LineModel(path: folder + "/" + shippedName,
                             judgePath: FileManager.default.fileExists(atPath: judge) ? judge : nil)
        }
    }
}
