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
    @OptionGroup var mix: SceneMixOptions
    @Option(help: "Image format: jpg or png.") var format = "jpg"
    @Flag(help: "Clean frames: no blur, noise, shadows or low light.") var clean = false

    func run() throws {
        var options = mix.sceneOptions(size: size, degrade: !clean, fileExtension: format)
        options.plateWidths = 90...min(320, Double(size.width) - 10)
        try createOutputFolder(out)
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
