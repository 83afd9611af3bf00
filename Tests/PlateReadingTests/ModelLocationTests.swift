import Foundation
@testable import PlateReading
import Testing

/// Where the shipped models are looked for: a binary run from any folder finds them.
struct ModelLocationTests {
    /// The folders looked in, without `$PARKSCAN_MODELS` and the working directory's `Models/`.
    private var foldersBesideTheExecutable: [String] {
        Array(OCRModel.candidateFolders(environment: [:]).dropLast())
    }

    @Test func shippedGlyphModelIsFoundBesideTheBuildFolderNotOnlyInTheWorkingDirectory() throws {
        // The test binary is built in .build/<triple>/debug, as parkscan is in .build/<triple>/release.
        let shipped = foldersBesideTheExecutable.filter {
            FileManager.default.fileExists(atPath: $0 + "/" + GlyphModel.shippedName + ".yml.gz")
        }
        #expect(!shipped.isEmpty, "looked in \(foldersBesideTheExecutable)")
    }

    @Test func modelsFolderFromTheEnvironmentComesFirst() {
        let folders = OCRModel.candidateFolders(environment: ["PARKSCAN_MODELS": "/opt/parkscan-models"])
        #expect(folders.first == "/opt/parkscan-models")
        #expect(folders.last == FileManager.default.currentDirectoryPath + "/Models")
    }
}
