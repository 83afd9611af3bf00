import ArgumentParser
import Foundation
import Synthesis

/// `parkscan-synth plates`: a set of scenes plus `groundtruth.csv`.
struct PlatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plates",
        abstract: "Render N scenes and their groundtruth.csv (file,plate,country,x,y,w,h) into a directory."
    )

    @Option(help: "Number of scenes.") var count: Int
    @Option(help: "Seed: the same seed gives the same scenes.") var seed: UInt64
    @Option(help: "Output directory (created if missing).") var out: String
    @Option(help: "Frame size, WIDTHxHEIGHT.") var size = FrameSize(argument: "1280x720")!
    @Option(help: "Fraction of foreign (non-German) plates.") var foreignShare = 0.2
    @Option(help: "Fraction of scenes with two cars.") var twoCarShare = 0.1
    @Option(help: "Fraction of scenes with distractor text.") var distractorShare = 0.5
    @Option(help: "Image format: jpg or png.") var format = "jpg"
    @Flag(help: "Clean frames: no blur, noise, shadows or low light.") var clean = false
    @Option(help: "TrueType font for plates and signs.") var font = SceneOptions.defaultFontPath

    func run() throws {
        var options = SceneOptions(
            width: size.width, height: size.height, foreignShare: foreignShare, twoCarShare: twoCarShare,
            distractorShare: distractorShare, degrade: !clean, fileExtension: format, fontPath: font
        )
        options.plateWidths = 90...min(320, Double(size.width) - 10)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create the output directory \(out): \(error.localizedDescription)")
        }
        let generator = try SceneGenerator(seed: seed, options: options)
        let start = Date()
        var plates = 0, german = 0
        let step = max(1, count / 20)
        let scenes = try generator.renderSet(count: count, into: out) { index, scene in
            plates += scene.plates.count
            german += scene.plates.filter { $0.country == "D" }.count
            if (index + 1) % step == 0 || index + 1 == count {
                print("[\(index + 1)/\(count)] \(scene.file): \(scene.plates.map(\.text).joined(separator: ", "))")
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let perFrame = scenes.isEmpty ? 0 : seconds * 1000 / Double(scenes.count)
        print("wrote \(scenes.count) scenes with \(plates) plates (\(german) German) to \(out) "
            + "in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", perFrame)) ms/frame), "
            + "ground truth in \(GroundTruthCSV.fileName)")
    }
}
