import ArgumentParser
import PlateReading

/// Options shared by every command that reads plates.
struct ReaderOptions: ParsableArguments {
    @Option(help: "Tesseract model to read characters with (a .traineddata name).")
    var model = "eng"

    @Option(help: "Folder holding the model's .traineddata (default: Tesseract's own, /usr/share/tesseract-ocr/5/tessdata).")
    var tessdata: String?

    @Option(help: "Plate candidates read per image, best detections first.")
    var maxCandidates = 4

    func validate() throws {
        guard (1...16).contains(maxCandidates) else {
            throw ValidationError("--max-candidates must be between 1 and 16, not \(maxCandidates)")
        }
    }

    var configuration: PlateReaderConfiguration {
        PlateReaderConfiguration(tessdataPath: tessdata, model: model, maxCandidates: maxCandidates)
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
