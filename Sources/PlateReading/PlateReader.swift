import CPlateVision

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
        self.configuration = configuration
        var status = CPlateVision_Status.ok
        let model = configuration.model
        let fallbackName: String? = configuration.fallbackModel?.name
        let fallbackFolder: String? = configuration.fallbackModel?.folder ?? nil
        let handle = model.folder.withOptionalCString { tessdata in
            model.name.withCString { name in
                fallbackName.withOptionalCString { fallbackName in
                    fallbackFolder.withOptionalCString { fallbackTessdata in
                        configuration.characterWhitelist.withCString { whitelist in
                            var options = CPlateVision_ReaderOptions(
                                tessdataPath: tessdata, model: name, characterWhitelist: whitelist,
                                maxCandidates: Int32(configuration.maxCandidates), fallbackModel: fallbackName,
                                fallbackTessdataPath: fallbackTessdata)
                            return CPlateVision_ReaderCreate(&options, &status)
                        }
                    }
                }
            }
        }
        guard let handle else { throw PlateReadingError(status) }
        self.handle = handle
    }

    deinit { CPlateVision_ReaderFree(handle) }

    /// The plates in `frame`, surest first.
    public func read(_ frame: CameraFrame) throws(PlateReadingError) -> [PlateRead] {
        let capacity = CPlateVision_MaxPlates
        var plates = [CPlateVision_Plate](repeating: CPlateVision_Plate(), count: capacity)
        var status = CPlateVision_Status.ok
        let count = CPlateVision_ReadFrame(handle, frame.handle, &plates, Int32(capacity), &status)
        guard count >= 0 else { throw PlateReadingError(status) }
        let reads = plates.prefix(Int(count)).compactMap(interpret)
        return reads.sorted { $0.confidence > $1.confidence }
    }

    /// Reads the image file at `path`.
    public func read(contentsOf path: String) throws(PlateReadingError) -> [PlateRead] {
        do {
            return try read(CameraFrame(contentsOf: path))
        } catch {
            throw PlateReadingError(code: error.code, message: error.message, path: path)
        }
    }

    private func interpret(_ plate: CPlateVision_Plate) -> PlateRead? {
        let band = plate.bandCountryText
        let symbols = plate.symbolReadings
        let hypotheses = PlateInterpreter.interpret(
            symbols, bandCountry: band.isEmpty ? nil : band,
            maxHypotheses: configuration.maxAlternatives + 1)
        // A region that looks little like a plate lends less belief to what was read in it.
        let plausibility = min(1, 0.4 + 0.6 * Double(plate.detectionScore))
        let scaled = hypotheses.map { hypothesis in
            var hypothesis = hypothesis
            hypothesis.confidence = configuration.calibration(hypothesis.confidence * plausibility)
            return hypothesis
        }
        guard let best = scaled.first, best.confidence >= configuration.minimumConfidence else { return nil }
        return PlateRead(
            best: best, alternatives: Array(scaled.dropFirst()),
            box: PixelBox(x: Int(plate.x), y: Int(plate.y), width: Int(plate.width), height: Int(plate.height)),
            corners: plate.cornerPoints, detectionScore: Double(plate.detectionScore), hasEUBand: plate.hasEUBand != 0,
            symbols: symbols)
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
