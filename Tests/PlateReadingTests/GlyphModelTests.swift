import Foundation
import PlateReading
import Synthesis
import Testing

/// The glyph model: training from the reader's own line tiles, loading, errors, and what it
/// adds to reading.
struct GlyphModelTests {
    @Test func missingGlyphModelGivesAnActionableError() {
        do {
            _ = try PlateReader(configuration: .init(glyphModel: GlyphModel(prefix: "/no/such/plate-glyphs")))
            Issue.record("a missing glyph model loaded")
        } catch {
            #expect(error.code == .ocrUnavailable)
            #expect(error.message.contains("/no/such/plate-glyphs"))
        }
    }

    @Test func glyphModelWhoseLabelsDoNotMatchItsTilesIsRefused() throws {
        let folder = try TemporaryFolder()
        let prefix = folder.path + "/model"
        let tile = [UInt8](repeating: 200, count: GlyphModel.tileWidth * GlyphModel.tileHeight)
        try GlyphModel.build(tiles: tile + tile, labels: ["A", "B"], prototypes: 1, prefix: prefix)
        // One label too many for the atlas's tiles: an atlas row holds 32 tiles, so 33 labels
        // need a second row that is not there.
        let labels = (0..<33).map { _ in "A\n" }.joined()
        try Data(labels.utf8).write(to: URL(fileURLWithPath: prefix + ".txt"))
        do {
            _ = try PlateReader(configuration: .init(glyphModel: GlyphModel(prefix: prefix)))
            Issue.record("a model with 33 labels for 2 tiles loaded")
        } catch {
            #expect(error.code == .ocrUnavailable)
            #expect(error.message.contains(prefix + ".png does not match"))
        }
    }

    /// Trains a small model the way `parkscan-synth glyphs` does: tiles of lines with one
    /// column per character, labelled by the truth.
    @Test func trainingKeepsAtMostTheAskedPrototypesPerCharacter() throws {
        let folder = try TemporaryFolder()
        let generator = try SceneGenerator(seed: 515, options: SceneOptions(foreignShare: 0, twoCarShare: 0))
        var tiles: [UInt8] = []
        var labels: [String] = []
        for index in 0..<24 {
            let path = folder.path + "/scene.jpg"
            let truth = try generator.renderScene(index, to: path)
            guard let plate = truth.plates.first else { continue }
            for line in try CameraFrame(contentsOf: path).plateLines()
            where line.characterColumns == plate.normalized.count && line.box.overlap(with: plate.box) > 0.3 {
                #expect(line.glyphTiles.count == line.characterColumns * GlyphModel.tileWidth * GlyphModel.tileHeight)
                tiles += line.glyphTiles
                labels += plate.normalized.map { String($0) }
                break
            }
        }
        #expect(labels.count >= 40, "only \(labels.count) labelled glyphs from 24 scenes")
        let prefix = folder.path + "/small"
        try GlyphModel.build(tiles: tiles, labels: labels, prototypes: 2, prefix: prefix)
        let written = try String(contentsOfFile: prefix + ".txt", encoding: .utf8).split(separator: "\n").map(String.init)
        let counts = Dictionary(grouping: written, by: { $0 }).mapValues(\.count)
        #expect(Set(written) == Set(labels))
        #expect(counts.values.allSatisfy { $0 <= 2 })
        _ = try PlateReader(configuration: .init(glyphModel: GlyphModel(prefix: prefix)))
    }

    /// The shipped model reads lines in the plate font one character per column, where
    /// Tesseract drops narrow characters: with it the reader reads more rendered frames.
    @Test(.enabled(if: GlyphModel.shipped() != nil, "Models/plate-glyphs.{png,txt} is not found"))
    func shippedGlyphModelReadsMorePlatesThanTesseractAlone() throws {
        let folder = try TemporaryFolder()
        let truths = try SceneGenerator(seed: 4242).renderSet(count: 40, into: folder.path)
        func exact(_ reader: PlateReader) throws -> Int {
            try truths.filter { truth in
                let found = Set(try reader.read(contentsOf: folder.path + "/" + truth.file).map(\.normalized))
                return truth.plates.contains { found.contains($0.normalized) }
            }.count
        }
        let with = try exact(PlateReader())
        let without = try exact(PlateReader(configuration: .init(glyphModel: nil)))
        #expect(with > without, "\(with) of 40 exact with the glyph model, \(without) without")
    }
}
