import ArgumentParser
import Foundation
import Synthesis

/// What goes into each rendered scene, shared by `plates` and `lines`.
struct SceneMixOptions: ParsableArguments {
    @Option(help: "Fraction of foreign (non-German) plates.") var foreignShare = 0.2
    @Option(help: "Fraction of scenes with two cars.") var twoCarShare = 0.1
    @Option(help: "Fraction of scenes with distractor text.") var distractorShare = 0.5
    @Option(help: "TrueType font for plates and signs.") var font = SceneOptions.defaultFontPath

    /// Scene options of this mix at one frame size.
    func sceneOptions(size: FrameSize, degrade: Bool = true, fileExtension: String = "jpg") -> SceneOptions {
        SceneOptions(
            width: size.width, height: size.height, foreignShare: foreignShare, twoCarShare: twoCarShare,
            distractorShare: distractorShare, degrade: degrade, fileExtension: fileExtension, fontPath: font
        )
    }
}

/// Creates the output folder (and its parents), or says why it cannot.
func createOutputFolder(_ path: String) throws {
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw ValidationError("cannot create the output directory \(path): \(error.localizedDescription)")
    }
}
