import ArgumentParser
import Foundation
import PlateReading
import Synthesis

/// `parkscan-synth glyphs`: trains the reader's glyph model (`Models/plate-glyphs.{png,txt}`).
/// Renders scenes, runs the reader's own line extraction and keeps the character tiles of
/// each line that matches a truth plate (IoU > 0.3) and has exactly one column per character;
/// then k-means prototypes per character. Several `--font`s widen what it knows beyond the
/// generator's default plate font. Recipe and figures: Models/README.md.
struct GlyphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glyphs",
        abstract: "Train the reader's glyph model from rendered scenes (writes PREFIX.png and PREFIX.txt)."
    )

    @Option(help: "Number of scenes per font.") var count: Int
    @Option(help: "Seed: the same seed gives the same model.") var seed: UInt64
    @Option(help: "Output path without extension: PREFIX.png (prototype tiles) and PREFIX.txt (their characters).")
    var out: String
    @Option(help: "Frame size, WIDTHxHEIGHT; repeat to cycle through several sizes.")
    var size: [FrameSize] = [FrameSize(argument: "1280x720")!]
    @Option(help: "TrueType fonts to render plates in; repeat for several (default: the generator's plate font).")
    var font: [String] = []
    @Option(help: "Prototypes (k-means centres) per character at most.") var prototypes = 24
    @Option(help: "Fraction of foreign (non-German) plates.") var foreignShare = 0.2
    @Option(help: "Also write the labelled tiles: PATH.tiles (raw bytes, one tile after the other) and PATH.labels (one character per line).")
    var samples: String?

    func run() throws {
        guard count > 0, prototypes > 0 else { throw ValidationError("--count and --prototypes must be positive") }
        let fonts = font.isEmpty ? [SceneOptions.defaultFontPath] : font
        for path in fonts where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("font not found: \(path)")
        }
        let folder = (out as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createOutputFolder(folder) }
        let scratch = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("parkscan-glyphs-\(ProcessInfo.processInfo.processIdentifier).jpg")
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        var tiles: [UInt8] = []
        var labels: [String] = []
        var lines = 0, plates = 0
        let start = Date()
        for (f, fontPath) in fonts.enumerated() {
            let generators = try LinesCommand.generators(seed: seed, sizes: size, first: f * size.count) { frameSize in
                SceneOptions(
                    width: frameSize.width, height: frameSize.height, foreignShare: foreignShare, twoCarShare: 0.1,
                    distractorShare: 0.3, degrade: true, fileExtension: "jpg", fontPath: fontPath)
            }
            for index in 0..<count {
                let truth = try generators[index % generators.count].renderScene(index / generators.count, to: scratch)
                plates += truth.plates.count
                var taken = Set<Int>()
                for line in try CameraFrame(contentsOf: scratch).plateLines() {
                    guard let (plateIndex, plate) = LinesCommand.bestMatch(for: line.box, in: truth.plates),
                        !taken.contains(plateIndex), line.characterColumns == plate.normalized.count
                    else { continue }
                    taken.insert(plateIndex)
                    tiles += line.glyphTiles
                    labels += plate.normalized.map { String($0) }
                    lines += 1
                }
                if (index + 1) % max(1, count / 10) == 0 {
                    print("[\(fontPath.split(separator: "/").last ?? "") \(index + 1)/\(count)] \(labels.count) glyphs")
                }
            }
        }
        if let samples {
            try Data(tiles).write(to: URL(fileURLWithPath: samples + ".tiles"))
            try Data(labels.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: samples + ".labels"))
        }
        try GlyphModel.build(tiles: tiles, labels: labels, prototypes: prototypes, prefix: out)
        let perCharacter = Dictionary(grouping: labels, by: { $0 }).mapValues(\.count)
        let rare = perCharacter.sorted { $0.value < $1.value }.prefix(5).map { "\($0.key) \($0.value)" }
        print("""
            \(count * fonts.count) scenes, \(plates) plates: \(lines) lines, \(labels.count) glyphs of \
            \(perCharacter.count) characters (fewest: \(rare.joined(separator: ", "))) -> \(out).png, \(out).txt; \
            \(String(format: "%.1f", Date().timeIntervalSince(start))) s
            """)
    }
}
