import ArgumentParser
import PlateReading

/// Options shared by every command that reads plates.
struct ReaderOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Tesseract model to read characters with (a .traineddata name).",
        discussion: "Default: the plate model shipped in Models/ when it is found, else Debian's eng."))
    var model: String?

    @Option(help: "Folder holding the model's .traineddata (default: Models/ for the shipped model, else Tesseract's own).")
    var tessdata: String?

    @Option(help: ArgumentHelp(
        "Glyph model reading every line one character per column: PREFIX of PREFIX.yml.gz, or 'none'.",
        discussion: "Default: Models/plate-glyphs when it is found (parkscan-synth glyphs trains it)."))
    var glyphModel: String?

    @Option(help: ArgumentHelp(
        "Line model reading every line as a whole sequence and judging German plates' texts: an ONNX file, or 'none'.",
        discussion: "Default: Models/plate-lines.onnx when it is found (scripts/train-line-model.py trains it)."))
    var lineModel: String?

    @Option(help: ArgumentHelp(
        "Second line model judging German plates' texts beside the line model: an ONNX file, or 'none'.",
        discussion: "Default: Models/plate-lines-judge.onnx when it is found (scripts/train-line-model.sh trains it)."))
    var lineJudge: String?

    @Option(help: "Plate candidates read per image, best detections first.")
    var maxCandidates = 4

    @Flag(help: .hidden)
    var rawConfidence = false

    func validate() throws {
        guard (1...16).contains(maxCandidates) else {
            throw ValidationError("--max-candidates must be between 1 and 16, not \(maxCandidates)")
        }
    }

    var configuration: PlateReaderConfiguration {
        let preferred = OCRModel.preferred()
        let chosen = switch (model, tessdata) {
        case (nil, nil): preferred
        case (nil, let folder?): OCRModel(name: preferred.name, folder: folder)
        case (let name?, let folder): OCRModel(name: name, folder: folder ?? (name == preferred.name ? preferred.folder : nil))
        }
        let glyphs: GlyphModel? = switch glyphModel {
        case nil: .shipped()
        case "none": nil
        case let prefix?: GlyphModel(prefix: prefix)
        }
        var lines: LineModel? = switch lineModel {
        case nil: .shipped()
        case "none": nil
        case let path?: LineModel(path: path)
        }
        switch lineJudge {
        case nil: if lineModel != nil { lines?.judgePath = LineModel.shipped()?.judgePath }
        case "none": lines?.judgePath = nil
        case let path?: lines?.judgePath = path
        }
        return PlateReaderConfiguration(
            model: chosen, glyphModel: glyphs, lineModel: lines, maxCandidates: maxCandidates,
            calibration: rawConfidence ? .identity : nil)
    }

    func makeReader() throws -> PlateReader {
        do {
            return try PlateReader(configuration: configuration)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// A failure that ends a command with a message on standard error and exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
