import Foundation
import PlateReading
import Synthesis
import Testing

/// The line model: loading, errors, the grey lines it is trained on, and what it adds to reading.
struct LineModelTests {
    @Test func missingLineModelGivesAnActionableError() {
        do {
            _ = try PlateReader(configuration: .init(lineModel: LineModel(path: "/no/such/plate-lines.onnx")))
            Issue.record("a missing line model loaded")
        } catch {
            #expect(error.code == .ocrUnavailable)
            #expect(error.message.contains("/no/such/plate-lines.onnx"))
        }
    }

    @Test func lineModelFileThatIsNoNetworkIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/model.onnx"
        try Data("not a network".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try PlateReader(configuration: .init(lineModel: LineModel(path: path)))
            Issue.record("a line model that is no network loaded")
        } catch {
            #expect(error.code == .ocrUnavailable)
            #expect(error.message.contains(path))
        }
    }

    /// `parkscan-synth lines --grey` trains the model on the grey line: the same size as the
    /// binary line, dark where the binary line has ink and light where it has paper.
    @Test func greyLineIsTheBinaryLineBeforeBinarisation() throws {
        let folder = try TemporaryFolder()
        let generator = try SceneGenerator(seed: 515, options: SceneOptions(foreignShare: 0, twoCarShare: 0))
        var checked = 0
        for index in 0..<4 {
            let path = folder.path + "/scene.jpg"
            _ = try generator.renderScene(index, to: path)
            for line in try CameraFrame(contentsOf: path).plateLines() where line.characterColumns >= 3 {
                #expect(line.greyPixels.count == line.pixels.count)
                let ink = zip(line.pixels, line.greyPixels).filter { $0.0 == 0 }.map { Double($0.1) }
                let paper = zip(line.pixels, line.greyPixels).filter { $0.0 == 255 }.map { Double($0.1) }
                guard !ink.isEmpty, !paper.isEmpty else { continue }
                let inkMean = ink.reduce(0, +) / Double(ink.count), paperMean = paper.reduce(0, +) / Double(paper.count)
                #expect(inkMean + 60 < paperMean, "grey under ink \(inkMean), under paper \(paperMean)")
                #expect(line.greyPGM.count == line.pgm.count)
                checked += 1
            }
        }
        #expect(checked >= 3)
    }

    /// The shipped model reads a line whole, so characters blur joined into one column are
    /// still read apart: with it the reader reads more rendered frames.
    @Test(.enabled(if: LineModel.shipped() != nil, "Models/plate-lines.onnx is not found"))
    func shippedLineModelReadsMorePlates() throws {
        let folder = try TemporaryFolder()
        let truths = try SceneGenerator(seed: 4242).renderSet(count: 60, into: folder.path)
        func exact(_ reader: PlateReader) throws -> Int {
            try truths.filter { truth in
                let found = Set(try reader.read(contentsOf: folder.path + "/" + truth.file).map(\.normalized))
                return truth.plates.contains { found.contains($0.normalized) }
            }.count
        }
        let with = try exact(PlateReader())
        let without = try exact(PlateReader(configuration: .init(lineModel: nil)))
        #expect(with > without, "\(with) of 60 exact with the line model, \(without) without")
    }
}
