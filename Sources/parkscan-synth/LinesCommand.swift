import ArgumentParser
import Foundation
import PlateReading
import Synthesis

/// `parkscan-synth lines`: OCR training lines. Renders scenes, runs the reader's own line
/// extraction (`CameraFrame.plateLines`) and keeps each line that matches a truth plate
/// (IoU > 0.3) and has as many character columns as the plate has characters (or, with
/// `--fewer-columns`/`--more-columns`, nearly as many), as `NNNNNN.pgm` + `NNNNNN.gt.txt`
/// (Tesseract's `lstm.train` / tesstrain layout). The text is the plate's letters and digits,
/// umlauts kept, no spaces. Used by `scripts/train-plate-model.sh`.
struct LinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lines",
        abstract: "Render N scenes and write their plates' OCR line images with ground truth (NNNNNN.pgm + NNNNNN.gt.txt)."
    )

    @Option(help: "Number of scenes (each gives 0, 1 or 2 lines).") var count: Int
    @Option(help: "Seed: the same seed gives the same lines.") var seed: UInt64
    @Option(help: "Output directory (created if missing).") var out: String
    @Option(help: "Frame size, WIDTHxHEIGHT; repeat to cycle through several sizes (scene i uses size i mod n).")
    var size: [FrameSize] = [FrameSize(argument: "1280x720")!]
    @OptionGroup var mix: SceneMixOptions
    @Option(help: "Keep lines with up to this many columns fewer than the plate has characters (touching characters merge into one column).")
    var fewerColumns = 0
    @Option(help: "Keep lines with up to this many columns more than the plate has characters (seals, stickers, hyphens).")
    var moreColumns = 0
    @Option(help: "Number of the first line file (to add to an existing set).") var firstIndex = 0
    @Flag(help: "Write the grey line (before binarisation) instead of the binary one: what the line model reads.")
    var grey = false
    @Flag(help: "Also write lines that match no plate, with an empty text: what the line model must learn to read as nothing.")
    var unmatched = false

    /// Smallest IoU between a line's box and a truth plate's box for the line to be that plate.
    static let minimumOverlap = 0.3

    func run() throws {
        guard count >= 0 else { throw ValidationError("--count must not be negative") }
        guard fewerColumns >= 0, moreColumns >= 0 else {
            throw ValidationError("--fewer-columns and --more-columns must not be negative")
        }
        try createOutputFolder(out)
        let generators = try Self.generators(seed: seed, sizes: size) { mix.sceneOptions(size: $0) }
        let scratch = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("parkscan-lines-\(ProcessInfo.processInfo.processIdentifier).jpg")
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        var tally = Tally()
        var next = firstIndex
        let start = Date()
        let step = max(1, count / 20)
        for index in 0..<count {
            let generator = generators[index % generators.count]
            let truth = try generator.renderScene(index / generators.count, to: scratch)
            tally.plates += truth.plates.count
            let lines = try CameraFrame(contentsOf: scratch).plateLines()
            var taken = Set<Int>()
            for line in lines {
                guard let (plateIndex, plate) = Self.bestMatch(for: line.box, in: truth.plates), !taken.contains(plateIndex)
                else {
                    tally.unmatched += 1
                    if unmatched {
                        try write(line, text: "", as: next)
                        next += 1
                    }
                    continue
                }
                let surplus = line.characterColumns - plate.normalized.count
                guard (-fewerColumns...moreColumns).contains(surplus) else {
                    tally.wrongColumns += 1
                    continue
                }
                taken.insert(plateIndex)
                try write(line, text: plate.normalized, as: next)
                next += 1
                tally.kept += 1
                if plate.country != "D" { tally.foreign += 1 }
            }
            tally.missed += truth.plates.count - taken.count
            if (index + 1) % step == 0 || index + 1 == count {
                print("[\(index + 1)/\(count)] \(tally.kept) lines kept")
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print("""
            \(count) scenes, \(tally.plates) plates: kept \(tally.kept) lines (\(tally.foreign) foreign) as \
            \(Self.number(firstIndex)) to \(Self.number(max(firstIndex, next - 1))); rejected \(tally.wrongColumns) \
            with a column count too unlike the plate's, \(tally.unmatched) matching no plate; \
            \(tally.missed) plates without a kept line\(unmatched ? " (lines matching no plate written with an empty text)" : ""); \(String(format: "%.1f", seconds)) s
            """)
    }

    private func write(_ line: PlateLineImage, text: String, as number: Int) throws {
        let base = (out as NSString).appendingPathComponent(Self.number(number))
        try Data(grey ? line.greyPGM : line.pgm).write(to: URL(fileURLWithPath: base + ".pgm"))
        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: base + ".gt.txt"))
    }

    private struct Tally {
        var plates = 0, kept = 0, foreign = 0, wrongColumns = 0, unmatched = 0, missed = 0
    }

    private static func number(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// One generator per frame size, plates up to a quarter of the frame wide; each its own
    /// seed (`seed` + (`first` + k) x golden ratio) so that sizes do not repeat plates.
    static func generators(
        seed: UInt64, sizes: [FrameSize], first: Int = 0, options: (FrameSize) -> SceneOptions
    ) throws -> [SceneGenerator] {
        try sizes.enumerated().map { k, frameSize in
            var scene = options(frameSize)
            scene.plateWidths = 90...min(max(120, Double(frameSize.width) / 4), Double(frameSize.width) - 10)
            return try SceneGenerator(seed: seed &+ UInt64(first + k) &* 0x9E37_79B9_7F4A_7C15, options: scene)
        }
    }

    /// The truth plate overlapping `box` most, if its IoU exceeds ``minimumOverlap``.
    static func bestMatch(for box: PixelBox, in plates: [PlateTruth]) -> (Int, PlateTruth)? {
        var best: (Int, PlateTruth, Double)?
        for (index, plate) in plates.enumerated() {
            let overlap = box.overlap(with: plate.box)
            if overlap > minimumOverlap, overlap > best?.2 ?? 0 { best = (index, plate, overlap) }
        }
        return best.map { ($0.0, $0.1) }
    }
}
