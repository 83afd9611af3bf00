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

    @Test(.enabled(if: LineModel.shipped() != nil, "Models/plate-lines.onnx is not found"))
    func missingJudgeGivesAnActionableError() throws {
        var model = try #require(LineModel.shipped())
        model.judgePath = "/no/such/plate-lines-judge.onnx"
        do {
            _ = try PlateReader(configuration: .init(lineModel: model))
            Issue.record("a missing judge loaded")
        } catch {
            #expect(error.code == .ocrUnavailable)
            #expect(error.message.contains("/no/such/plate-lines-judge.onnx"))
        }
    }

    /// The shipped model comes with its judge when the judge's file is beside it, and without
    /// when it is not.
    @Test func shippedModelFindsItsJudge() throws {
        let folder = try TemporaryFolder()
        #expect(FileManager.default.createFile(atPath: folder.path + "/" + LineModel.shippedName, contents: Data()))
        let alone = LineModel.shipped(environment: ["PARKSCAN_MODELS": folder.path])
        #expect(alone?.path == folder.path + "/" + LineModel.shippedName)
        #expect(alone?.judgePath == nil)
        #expect(FileManager.default.createFile(atPath: folder.path + "/" + LineModel.shippedJudgeName, contents: Data()))
        let judged = LineModel.shipped(environment: ["PARKSCAN_MODELS": folder.path])
        #expect(judged?.judgePath == folder.path + "/" + LineModel.shippedJudgeName)
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

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether Debian's python3-torch is installed: only training needs it, not the reader.
    static let canTrain: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        probe.arguments = ["-c", "import torch"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// The recipe's trainer learns from grey lines as `parkscan-synth lines --grey` writes them
    /// (NNNNNN.pgm + NNNNNN.gt.txt) and exports an ONNX model the reader loads and reads with.
    @Test(.enabled(if: canTrain, "python3-torch is not installed (apt-get install python3-torch): training is not tested"))
    func trainerWritesAModelTheReaderReadsWith() throws {
        let folder = try TemporaryFolder()
        let lines = folder.path + "/lines"
        try FileManager.default.createDirectory(atPath: lines, withIntermediateDirectories: true)
        let generator = try SceneGenerator(seed: 515, options: SceneOptions(foreignShare: 0, twoCarShare: 0))
        var written = 0
        for index in 0..<70 {
            let scene = folder.path + "/scene.jpg"
            guard let plate = try generator.renderScene(index, to: scene).plates.first,
                  let line = try CameraFrame(contentsOf: scene).plateLines().first(where: { $0.box.overlap(with: plate.box) > 0.3 })
            else { continue }
            let base = lines + "/" + String(format: "%06d", written)
            try Data(line.greyPGM).write(to: URL(fileURLWithPath: base + ".pgm"))
            try Data((plate.normalized + "\n").utf8).write(to: URL(fileURLWithPath: base + ".gt.txt"))
            written += 1
        }
        #expect(written >= 50)
        let model = folder.path + "/lines.onnx"
        let training = Process()
        training.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        training.arguments = [Self.packageRoot.path + "/scripts/train-line-model.py", "--epochs", "1", "--threads", "1",
                              "--out", model, lines]
        training.standardOutput = FileHandle.nullDevice
        try training.run()
        training.waitUntilExit()
        #expect(training.terminationStatus == 0)
        let reader = try PlateReader(configuration: .init(lineModel: LineModel(path: model)))
        // One pass teaches it little; what is tested is that the reader runs what was exported.
        _ = try generator.renderScene(0, to: folder.path + "/scene.jpg")
        #expect(try !reader.read(contentsOf: folder.path + "/scene.jpg").isEmpty)
    }
}
