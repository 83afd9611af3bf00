import CPlateVision

/// A plate candidate's characters exactly as the OCR reads them: cleaned, straightened,
/// black on white, evenly spaced. For training a plate model and for inspection.
public struct PlateLineImage: Sendable {
    /// Where the plate is in the frame.
    public var box: PixelBox
    /// Separate character columns the line holds (merged characters count once).
    public var characterColumns: Int
    public var detectionScore: Double
    public var width: Int
    public var height: Int
    /// 8-bit grey pixels, row by row.
    public var pixels: [UInt8]
    /// Each character column as the glyph model sees it (``GlyphModel``): `characterColumns`
    /// tiles of ``GlyphModel/tileWidth`` x ``GlyphModel/tileHeight`` grey pixels, one after the other.
    public var glyphTiles: [UInt8]
    /// Each column's ink width / height.
    public var glyphAspects: [Float]
    /// Each two neighbouring columns taken as one, as `glyphTiles` (`characterColumns - 1`
    /// tiles): what characters joined by blur look like.
    public var pairTiles: [UInt8]
    public var pairAspects: [Float]
    /// The same line in grey before binarisation (ink dark), `width` x `height`: what the
    /// line model (``LineModel``) reads.
    public var greyPixels: [UInt8]

    /// The image as a binary PGM (P5) file, which Tesseract's training tools read.
    public var pgm: [UInt8] { Self.pgm(pixels, width: width, height: height) }
    /// The grey line as a binary PGM (P5) file.
    public var greyPGM: [UInt8] { Self.pgm(greyPixels, width: width, height: height) }

    private static func pgm(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        Array("P5\n\(width) \(height)\n255\n".utf8) + pixels
    }
}

extension CameraFrame {
    /// The plate candidates' OCR line images, best detection first. Runs no OCR.
    public func plateLines(limit: Int = 4) throws(PlateReadingError) -> [PlateLineImage] {
        var lines = [CPlateVision_Line](repeating: CPlateVision_Line(), count: max(1, limit))
        var status = CPlateVision_Status.ok
        let count = CPlateVision_ExtractLines(handle, &lines, Int32(limit), &status)
        guard count >= 0 else { throw PlateReadingError(status) }
        defer { CPlateVision_LinesFree(&lines, count) }
        return lines.prefix(Int(count)).map { line in
            let size = Int(line.imageWidth) * Int(line.imageHeight)
            let columns = Int(line.characterColumns), pairs = max(0, columns - 1)
            return PlateLineImage(
                box: PixelBox(x: Int(line.x), y: Int(line.y), width: Int(line.width), height: Int(line.height)),
                characterColumns: Int(line.characterColumns), detectionScore: Double(line.detectionScore),
                width: Int(line.imageWidth), height: Int(line.imageHeight),
                pixels: Array(UnsafeBufferPointer(start: line.pixels, count: size)),
                glyphTiles: Array(UnsafeBufferPointer(start: line.glyphTiles, count: columns * GlyphModel.tileBytes)),
                glyphAspects: Array(UnsafeBufferPointer(start: line.glyphAspects, count: columns)),
                pairTiles: Array(UnsafeBufferPointer(start: line.pairTiles, count: pairs * GlyphModel.tileBytes)),
                pairAspects: Array(UnsafeBufferPointer(start: line.pairAspects, count: pairs)),
                greyPixels: Array(UnsafeBufferPointer(start: line.greyPixels, count: size)))
        }
    }
}
