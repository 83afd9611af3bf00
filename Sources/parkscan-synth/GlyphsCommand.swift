import ArgumentParser
import Foundation
import PlateReading
import Synthesis

/// `parkscan-synth glyphs`: trains the reader's glyph model (`Models/plate-glyphs.yml.gz`).
/// Renders scenes, runs the reader's own line extraction on each and takes the tiles of the
/// lines that match a truth plate (IoU > 0.3):
/// - a line with exactly one column per character: each column labelled by its character,
///   and every other pair of neighbouring columns taken together labelled "no character"
///   (what blur-joined characters look like);
/// - a German line with one column more than characters: the column after the district is
///   the seal stickers (too dull to be removed by colour), labelled "no character", unless it
///   is too narrow for them; the other columns by their characters.
/// Then it trains the network. Several `--font`s widen what it knows beyond the generator's
/// default plate font. Recipe and figures: Models/README.md.
struct GlyphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glyphs",
        abstract: "Train the reader's glyph model from rendered scenes (writes PREFIX.yml.gz)."
    )

    @Option(help: "Number of scenes per font.") var count: Int
    @Option(help: "Seed: the same seed gives the same model.") var seed: UInt64
    @Option(help: "Output path without extension: PREFIX.yml.gz.")
    var out: String
    @Option(help: "Frame size, WIDTHxHEIGHT; repeat to cycle through several sizes.")
    var size: [FrameSize] = [FrameSize(argument: "1280x720")!]
    @Option(help: "TrueType fonts to render plates in; repeat for several (default: the generator's plate font).")
    var font: [String] = []
    @Option(help: "Hidden units of the network.") var hidden = 128
    @Option(help: "Fraction of foreign (non-German) plates.") var foreignShare = 0.2
    @Option(help: "Also write the labelled tiles: PATH.tiles (raw bytes, one tile after the other), PATH.aspects (one width/height per line) and PATH.labels (one character per line, # for no character).")
    var samples: String?
    @Option(help: "Train on tiles written earlier with --samples instead of rendering scenes.")
    var fromSamples: String?

    func run() throws {
        guard count > 0, hidden > 0 else { throw ValidationError("--count and --hidden must be positive") }
        let fonts = font.isEmpty ? [SceneOptions.defaultFontPath] : font
        for path in fonts where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("font not found: \(path)")
        }
        let folder = (out as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createOutputFolder(folder) }
        let scratch = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("parkscan-glyphs-\(ProcessInfo.processInfo.processIdentifier).jpg")
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        var labelled = GlyphSamples()
        var lines = 0, plates = 0
        let start = Date()
        if let fromSamples { labelled = try GlyphSamples(readingFrom: fromSamples) }
        for (f, fontPath) in fromSamples == nil ? Array(fonts.enumerated()) : [] {
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
                        !taken.contains(plateIndex), labelled.add(line, plate: plate)
                    else { continue }
                    taken.insert(plateIndex)
                    lines += 1
                }
                if (index + 1) % max(1, count / 10) == 0 {
                    print("[\(fontPath.split(separator: "/").last ?? "") \(index + 1)/\(count)] \(labelled.labels.count) tiles")
                    fflush(nil) // progress also when the output goes to a file (nil: every stream)
                }
            }
        }
        if let samples { try labelled.write(to: samples) }
        print("training on \(labelled.labels.count) tiles ...")
        fflush(nil)
        try GlyphModel.build(
            tiles: labelled.tiles, aspects: labelled.aspects, labels: labelled.labels, hidden: hidden, prefix: out)
        let perLabel = Dictionary(grouping: labelled.labels, by: { $0 }).mapValues(\.count)
        let rare = perLabel.sorted { $0.value < $1.value }.prefix(5).map { "\($0.key) \($0.value)" }
        let source = fromSamples.map { "\($0).tiles" } ?? "\(count * fonts.count) scenes, \(plates) plates: \(lines) lines"
        print("""
            \(source), \(labelled.labels.count) tiles of \(perLabel.count) labels (no character: \
            \(perLabel[GlyphModel.noCharacter] ?? 0); fewest: \(rare.joined(separator: ", "))) -> \(out).yml.gz; \
            \(String(format: "%.1f", Date().timeIntervalSince(start))) s
            """)
    }
}
