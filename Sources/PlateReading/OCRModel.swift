import Foundation

/// Which Tesseract model reads the characters, and where it lives.
public struct OCRModel: Sendable, Equatable {
    /// Model name: `<name>.traineddata` in `folder`.
    public var name: String
    /// Folder holding the model; nil for Tesseract's own (Debian: /usr/share/tesseract-ocr/5/tessdata).
    public var folder: String?

    public init(name: String, folder: String? = nil) {
        self.name = name
        self.folder = folder
    }

    /// Debian's English model: Latin capitals and digits, no umlauts.
    public static let stockEnglish = OCRModel(name: "eng")

    /// Debian's German model: like the English one, plus Ä, Ö, Ü.
    public static let stockGerman = OCRModel(name: "deu")

    /// The plate model ParkScan ships in `Models/`, trained on plate lines (see Models/README.md).
    public static let shippedName = "plate"

    /// The confidence calibration fitted for this model (see ``ConfidenceCalibration``);
    /// identity for models it was not fitted for.
    public var calibration: ConfidenceCalibration {
        ConfidenceCalibration.fitted[name] ?? .identity
    }

    /// The shipped plate model if it can be found, else Debian's English model.
    ///
    /// Looks in `$PARKSCAN_MODELS`, then `Models/` beside the source tree the running
    /// executable was built in (`.build/<triple>/<config>/parkscan` -> `Models/`), then
    /// `<prefix>/share/parkscan/Models` for an installed binary, then `./Models`.
    public static func preferred(environment: [String: String] = ProcessInfo.processInfo.environment) -> OCRModel {
        shippedFolder(holding: shippedName + ".traineddata", environment: environment)
            .map { OCRModel(name: shippedName, folder: $0) } ?? stockEnglish
    }

    /// The first of ``candidateFolders(environment:)`` that holds `file`: where the models
    /// ParkScan ships (this one, ``GlyphModel``, ``LineModel``) are looked for.
    static func shippedFolder(holding file: String, environment: [String: String]) -> String? {
        candidateFolders(environment: environment).first { FileManager.default.fileExists(atPath: $0 + "/" + file) }
    }

    static func candidateFolders(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let configured = environment["PARKSCAN_MODELS"], !configured.isEmpty { folders.append(configured) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binFolder = executable.deletingLastPathComponent()
        // `.build/release` is a link to `.build/<target triple>/release`: the resolved
        // executable sits three folders below the source tree, the link two.
        folders.append(binFolder.appendingPathComponent("../../../Models").standardized.path)
        folders.append(binFolder.appendingPathComponent("../../Models").standardized.path)
        folders.append(binFolder.appendingPathComponent("../share/parkscan/Models").standardized.path)
        folders.append(FileManager.default.currentDirectoryPath + "/Models")
        return folders
    }
}
