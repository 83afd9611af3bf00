import CPlateVision
import Foundation

/// Finds and reads the licence plates in camera frames.
///
/// Owns one OCR engine: not thread-safe. Use one reader per thread (creating one costs
/// about 50 ms: Tesseract loads its model).
public final class PlateReader {
    private let handle: OpaquePointer
    public let configuration: PlateReaderConfiguration

    /// - Throws: ``PlateReadingError`` with code `.ocrUnavailable` when Tesseract or its model
    ///   cannot be loaded.
    public init(configuration: PlateReaderConfiguration = .init()) throws(PlateReadingError) {
        _ = Self.heapTuned
        self.configuration = configuration
        var status = CPlateVision_Status.ok
        let model = configuration.model
        let fallbackName: String? = configuration.fallbackModel?.name
        let fallbackFolder: String? = configuration.fallbackModel?.folder ?? nil
        let glyphs: String? = configuration.glyphModel?.prefix
        let lines: String? = configuration.lineModel?.path
        let judge: String? = configuration.lineModel?.judgePath
        let handle = model.folder.withOptionalCString { tessdata in
            model.name.withCString { name in
                fallbackName.withOptionalCString { fallbackName in
                    fallbackFolder.withOptionalCString { fallbackTessdata in
                        configuration.characterWhitelist.withCString { whitelist in
                            glyphs.withOptionalCString { glyphs in
                                lines.withOptionalCString { lines in
                                    judge.withOptionalCString { judge in
                                        var options = CPlateVision_ReaderOptions(
                                            tessdataPath: tessdata, model: name, characterWhitelist: whitelist,
                                            maxCandidates: Int32(configuration.maxCandidates), fallbackModel: fallbackName,
                                            fallbackTessdataPath: fallbackTessdata, glyphModel: glyphs, lineModel: lines,
                                            lineJudgeModel: judge)
                                        return CPlateVision_ReaderCreate(&options, &status)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard let handle else { throw PlateReadingError(status) }
        self.handle = handle
    }

    deinit { CPlateVision_ReaderFree(handle) }

    /// Frame buffers stay in the heap from one frame to the next (``HeapTrim``): set once,
    /// before the first reader reads.
    private static let heapTuned = HeapTrim.keepFreedBuffers()

    /// The plates in `frame`, surest first. A candidate found where a `known` plate is expected
    /// is not read: its read is that plate's, carried over (``PlateRead/carried``).
    public func read(_ frame: CameraFrame, knowing known: [KnownPlate] = []) throws(PlateReadingError) -> [PlateRead] {
        let capacity = CPlateVision_MaxPlates
        var plates = [CPlateVision_Plate](repeating: CPlateVision_Plate(), count: capacity)
        var status = CPlateVision_Status.ok
        let boxes = known.map {
            CPlateVision_KnownPlate(x: Int32($0.box.x), y: Int32($0.box.y), width: Int32($0.box.width), height: Int32($0.box.height))
        }
        let count = CPlateVision_ReadFrameKnowing(handle, frame.handle, boxes, Int32(boxes.count), &plates, Int32(capacity), &status)
        guard count >= 0 else { throw PlateReadingError(status) }
        // Readings of one candidate are adjacent; candidates come best detection first.
        let candidates = Dictionary(grouping: plates.prefix(Int(count)), by: \.candidate).sorted { $0.key < $1.key }
        let frameSize = (width: frame.width, height: frame.height)
        let reads = candidates.compactMap { candidate in
            candidate.value.first.flatMap { plate in plate.knownPlate >= 0 ? carry(known, plate) : nil }
                ?? interpret(candidate.value, frame: frameSize)
        }
        // By the raw score: calibration is flat in places, and ties there would be arbitrary.
        return Self.withoutPieces(reads.indices.sorted { (reads[$0].raw, -$0) > (reads[$1].raw, -$1) }.map { reads[$0].read })
    }

    /// `reads` without those that are pieces of another read's plate (``isPiece(_:of:)``).
    static func withoutPieces(_ reads: [PlateRead]) -> [PlateRead] {
        reads.filter { read in !reads.contains { isPiece(read, of: $0) } }
    }

    /// The share of its box a read must have inside another's to be a piece of that plate.
    static let pieceShare = 0.7

    /// Whether `read` is a piece of the plate `whole` read: its box mostly inside `whole`'s
    /// and fewer characters read. A candidate on part of a plate (`A-IR 1` on the right of the
    /// Slovak `RK 019AF`) is no second plate, however sure its partial text.
    static func isPiece(_ read: PlateRead, of whole: PlateRead) -> Bool {
        read.normalized.count < whole.normalized.count && read.box.shareInside(whole.box) >= pieceShare
    }

    /// Reads the image file at `path` (`known`: as in ``read(_:knowing:)``).
    public func read(contentsOf path: String, knowing known: [KnownPlate] = []) throws(PlateReadingError) -> [PlateRead] {
        do {
            return try read(CameraFrame(contentsOf: path), knowing: known)
        } catch {
            throw PlateReadingError(code: error.code, message: error.message, path: path)
        }
    }

    /// A known plate's read, carried over to the candidate found where it was expected.
    private func carry(_ known: [KnownPlate], _ plate: CPlateVision_Plate) -> (read: PlateRead, raw: Double)? {
        let index = Int(plate.knownPlate)
        guard known.indices.contains(index) else { return nil }
        var read = known[index].read
        read.box = PixelBox(x: Int(plate.x), y: Int(plate.y), width: Int(plate.width), height: Int(plate.height))
        read.corners = plate.cornerPoints
        read.detectionScore = Double(plate.detectionScore)
        read.hasEUBand = plate.hasEUBand != 0
        read.carried = true
        return (read, read.confidence)
    }

    /// How much belief a reading keeps when the plate's outline runs past the frame's edge.
    static let cutPlausibility = 0.3

    /// One plate from the OCR's readings of one candidate (``rankedTexts(of:interpret:)``).
    private func interpret(_ readings: [CPlateVision_Plate], frame: (width: Int, height: Int)) -> (read: PlateRead, raw: Double)? {
        guard let plate = readings.first else { return nil }
        let band = plate.bandCountryText
        var ranked = Self.rankedTexts(of: readings.map(\.symbolReadings),
                                      weights: readings.map { $0.fromLineModel != 0 ? Self.lineModelWeight : 1 }) { symbols in
            PlateInterpreter.interpret(
                symbols, bandCountry: band.isEmpty ? nil : band, yellowPlate: plate.isYellow != 0,
                hyphenated: plate.hyphenated != 0, twoLetterBand: plate.bandLetterCount >= 2,
                maxHypotheses: configuration.maxAlternatives + 1)
        }
        if configuration.lineModel?.weighsGermanTexts == true, Self.isGerman(ranked) {
            ranked = Self.weighedByLikelihood(ranked, lineLikelihoods(of: ranked.map(\.hypothesis.normalized), candidate: plate.candidate))
        }
        let hypotheses = ranked.prefix(configuration.maxAlternatives + 1).map(\.hypothesis)
        let symbols = ranked.first?.symbols ?? plate.symbolReadings
        // A region that looks little like a plate lends less belief to what was read in it.
        // A plate the frame's edge cuts may have lost characters beyond it, and a plate read
        // whole but wrong is the worst error (a sign cut by the edge, "KM 12", outranked a plate).
        let cut = plate.x <= 0 || plate.y <= 0 || Int(plate.x + plate.width) >= frame.width
            || Int(plate.y + plate.height) >= frame.height
        let plausibility = min(1, 0.4 + 0.6 * Double(plate.detectionScore)) * (cut ? Self.cutPlausibility : 1)
        let raw = (hypotheses.first?.confidence ?? 0) * plausibility
        let scaled = configuration.calibration.calibrate(hypotheses, among: ranked.map(\.hypothesis), plausibility: plausibility)
        guard let best = scaled.first, best.confidence >= configuration.minimumConfidence else { return nil }
        var read = PlateRead(
            best: best, alternatives: Array(scaled.dropFirst()),
            box: PixelBox(x: Int(plate.x), y: Int(plate.y), width: Int(plate.width), height: Int(plate.height)),
            corners: plate.cornerPoints, detectionScore: Double(plate.detectionScore), hasEUBand: plate.hasEUBand != 0,
            symbols: symbols)
        read.cutByFrameEdge = cut
        return (read, raw)
    }

    /// The line model's log-likelihood of each of `texts` (normalised) on candidate
    /// `candidate` of the frame read last; nil where the model did not read that candidate.
    func lineLikelihoods(of texts: [String], candidate: Int32) -> [Float]? {
        guard !texts.isEmpty else { return nil }
        var likelihoods = [Float](repeating: 0, count: texts.count)
        var status = CPlateVision_Status.ok
        let count = texts.withCStringArray {
            CPlateVision_ReaderLineLikelihoods(handle, candidate, $0, Int32(texts.count), &likelihoods, &status)
        }
        return count == texts.count ? likelihoods : nil
    }

    /// The line model's reading counts half as much as each other reading of a candidate: it
    /// learnt rendered fonts only and, sure of itself, misreads some real plate fonts (the
    /// Slovak `ZA 834CO` as `ZA 83433`, `LM 025BD` as `LJ 025BD`). With weight 1 the 60 real photos read
    /// 51 instead of 54 (German plates of seeds 2026 / 4242: 166 / 156 of 176 / 169); with 0.5,
    /// 54 (166 / 155); with 0.3, 54 (164 / 155).
    static let lineModelWeight = 0.5

    /// One text a candidate's readings give, with the symbols of the reading that supports it most.
    typealias RankedText = (hypothesis: PlateHypothesis, symbols: [SymbolReading])

    /// The texts a candidate's readings give, surest first, each with the symbols of the
    /// reading that supports it most. The readings (Tesseract's, up to three, the glyph
    /// network's and the line model's) and their per-position vote (``SymbolVote``) are each interpreted on their
    /// own (`interpret`), and a text's confidence is its mean over them, weighed by `weights`
    /// (default 1 each; the line model's ``lineModelWeight``), so the grammar, not one
    /// engine's confidence, picks the reading.
    ///
    /// The vote lets each engine be right where the other is unsure: in seed 21's drive
    /// Tesseract read `APDUXS`, sure of the U and X but taking the 9 for an S, the glyph network
    /// `APDJK9`, sure of the 9 only, and the whole texts gave `APD-JK 9`; voted, the frame reads
    /// `APD-UX 9`. With the vote, four fresh drives (seeds 21-24) found 69 of 70 true cases
    /// instead of 67 and the 14 drives before them 3 more (seed 15's `KÖZ-GX 5`, 19's `FOR-ZD 29`, 17's Slovak
    /// `SK 294PS`), no false case on any; the benchmark frames read one foreign plate more
    /// (27 of 39, seed 2026) and the rest the same, with fewer reads at 0.8 or more (64 and 69
    /// instead of 68 and 76, none more wrong). Replacing the voting readings by their vote
    /// instead read 138 of 176 German plates and 51 of 60 real photos instead of 143 and 54.
    static func rankedTexts(
        of readings: [[SymbolReading]], weights: [Double]? = nil, interpret: ([SymbolReading]) -> [PlateHypothesis]
    ) -> [RankedText] {
        var readings = readings
        var weights = weights ?? readings.map { _ in 1 }
        if readings.count >= 2, let voted = SymbolVote.vote(zip(readings, weights).map { (symbols: $0, weight: $1) }) {
            readings.append(voted.symbols)
            weights.append(1)
        }
        let total = weights.reduce(0, +)
        var best: [String: RankedText] = [:]
        for (symbols, weight) in zip(readings, weights) {
            for hypothesis in interpret(symbols) {
                var weighed = hypothesis
                weighed.confidence *= weight / total
                if let known = best[hypothesis.normalized] {
                    let surer = known.hypothesis.confidence >= weighed.confidence
                    var merged = surer ? known : (hypothesis: weighed, symbols: symbols)
                    merged.hypothesis.confidence = known.hypothesis.confidence + weighed.confidence
                    best[hypothesis.normalized] = merged
                } else {
                    best[hypothesis.normalized] = (hypothesis: weighed, symbols: symbols)
                }
            }
        }
        return best.values.sorted {
            $0.hypothesis.confidence > $1.hypothesis.confidence
                || ($0.hypothesis.confidence == $1.hypothesis.confidence && $0.hypothesis.text < $1.hypothesis.text)
        }
    }
}

extension Optional<String> {
    func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case .some(let string): string.withCString { body($0) }
        case .none: body(nil)
        }
    }
}

extension Array<String> {
    /// Calls `body` with the strings as a C array of NUL-terminated strings (`const char *const *`),
    /// valid only during the call.
    func withCStringArray<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let copies = map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
