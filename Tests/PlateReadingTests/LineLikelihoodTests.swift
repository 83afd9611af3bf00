import Foundation
@testable import PlateReading
import Synthesis
import Testing

/// The line model's likelihood of a German plate's texts (`PlateReader+LineLikelihood.swift`).
struct LineLikelihoodTests {
    static func ranked(_ texts: [(String, String?, Double)]) -> [PlateReader.RankedText] {
        texts.map { (hypothesis: PlateHypothesis(text: $0.0, normalized: $0.0.filter { $0.isLetter || $0.isNumber },
                                                 country: $0.1, confidence: $0.2), symbols: []) }
    }

    @Test func likelierTextComesFirst() {
        let ranked = Self.ranked([("RE-PY 126", "D", 0.6), ("RIE-PY 126", "D", 0.4)])
        let weighed = PlateReader.weighedByLikelihood(ranked, [-5, -0.1])
        #expect(weighed.map(\.hypothesis.text) == ["RIE-PY 126", "RE-PY 126"])
        #expect(abs(weighed[0].hypothesis.confidence - 0.4) < 1e-9)
        #expect(abs(weighed[1].hypothesis.confidence - 0.6 * exp(-4.9)) < 1e-6)
    }

    @Test func textTheLineCannotHaveGetsNoConfidence() {
        let weighed = PlateReader.weighedByLikelihood(Self.ranked([("M-AB 12", "D", 0.7), ("M-AB 123", "D", 0.3)]), [-.infinity, -1])
        #expect(weighed.map(\.hypothesis.text) == ["M-AB 123", "M-AB 12"])
        #expect(weighed[1].hypothesis.confidence == 0)
    }

    @Test func withoutUsableLikelihoodsTheOrderStays() {
        let ranked = Self.ranked([("M-AB 12", "D", 0.7), ("M-AB 123", "D", 0.3)])
        for likelihoods: [Float]? in [nil, [-.infinity, -.infinity], [-1]] {
            #expect(PlateReader.weighedByLikelihood(ranked, likelihoods).map(\.hypothesis.confidence) == [0.7, 0.3])
        }
    }

    /// Foreign plates are not weighed: the model misreads real foreign plate fonts with
    /// certainty, and no grammar keeps their texts to what can be.
    @Test func onlyAGermanBestTextIsWeighed() {
        #expect(PlateReader.isGerman(Self.ranked([("M-AB 12", "D", 0.7), ("MAB12", nil, 0.3)])))
        #expect(!PlateReader.isGerman(Self.ranked([("ZA834CO", "SK", 0.7), ("ZA-CO 834", "D", 0.3)])))
        #expect(!PlateReader.isGerman(Self.ranked([("M-AB 12", "D", 0.7)])))
    }

    /// On rendered German plates the model finds the plate's own text likelier than the text
    /// with a character dropped or doubled, and a character it has no label for impossible.
    @Test(.enabled(if: LineModel.shipped() != nil, "Models/plate-lines.onnx is not found"))
    func shippedModelFindsTheTrueTextLikeliest() throws {
        let folder = try TemporaryFolder()
        let generator = try SceneGenerator(seed: 77, options: SceneOptions(foreignShare: 0, twoCarShare: 0))
        let reader = try PlateReader()
        var checked = 0
        for index in 0..<12 {
            let path = folder.path + "/scene.jpg"
            guard let truth = try generator.renderScene(index, to: path).plates.first?.normalized, truth.count >= 4,
                  try reader.read(contentsOf: path).contains(where: { $0.normalized == truth })
            else { continue }
            let dropped = String(truth.dropLast()), doubled = truth + String(truth.last!)
            let scores = (Int32(0)..<8).compactMap { reader.lineLikelihoods(of: [truth, dropped, doubled, truth + "a"], candidate: $0) }
            guard let best = scores.max(by: { $0[0] < $1[0] }) else { continue }
            #expect(best[0] <= 0 && best[0] > log(0.3), "\(truth): log-likelihood \(best[0])")
            #expect(best[1] < best[0] && best[2] < best[0], "\(truth) \(best[0]), \(dropped) \(best[1]), \(doubled) \(best[2])")
            #expect(best[3] == -.infinity)
            checked += 1
        }
        #expect(checked >= 6)
        #expect(reader.lineLikelihoods(of: ["MAB12"], candidate: 99) == nil)
        #expect(reader.lineLikelihoods(of: [], candidate: 0) == nil)
    }

    /// Weighing the texts reads more rendered German plates than the line model's reading
    /// alone (seed 4242: 162 instead of 155 of 169 in the benchmark).
    @Test(.enabled(if: LineModel.shipped() != nil, "Models/plate-lines.onnx is not found"))
    func weighingReadsMoreGermanPlates() throws {
        let folder = try TemporaryFolder()
        let truths = try SceneGenerator(seed: 4242).renderSet(count: 80, into: folder.path)
        func exact(weighing: Bool) throws -> Int {
            let reader = try PlateReader(configuration: .init(lineModel: LineModel.shipped().map { LineModel(path: $0.path, weighsGermanTexts: weighing) }))
            return try truths.reduce(0) { count, truth in
                let found = Set(try reader.read(contentsOf: folder.path + "/" + truth.file).map(\.normalized))
                return count + truth.plates.filter { $0.country == "D" && found.contains($0.normalized) }.count
            }
        }
        let with = try exact(weighing: true), without = try exact(weighing: false)
        #expect(with > without, "\(with) German plates exact with the texts weighed, \(without) without")
    }
}
