import CPlateVision
import Foundation

/// The plate-font glyph model: prototype character tiles (`<prefix>.png`, one tile per
/// prototype) and their characters (`<prefix>.txt`, one per line). The reader reads every
/// plate line with it one character per column, beside Tesseract (see Models/README.md).
public struct GlyphModel: Sendable, Equatable {
    /// Path without extension: `<prefix>.png` and `<prefix>.txt`.
    public var prefix: String

    public init(prefix: String) { self.prefix = prefix }

    public static let tileWidth = Int(CPlateVision_GlyphTileWidth)
    public static let tileHeight = Int(CPlateVision_GlyphTileHeight)
    static var tileBytes: Int { tileWidth * tileHeight }

    /// The model ParkScan ships: `Models/plate-glyphs.{png,txt}`.
    public static let shippedName = "plate-glyphs"

    /// The shipped model, looked for where ``OCRModel/preferred(environment:)`` looks; nil if
    /// it is not found.
    public static func shipped(environment: [String: String] = ProcessInfo.processInfo.environment) -> GlyphModel? {
        for folder in OCRModel.candidateFolders(environment: environment) {
            let prefix = folder + "/" + shippedName
            if FileManager.default.fileExists(atPath: prefix + ".png"),
                FileManager.default.fileExists(atPath: prefix + ".txt")
            {
                return GlyphModel(prefix: prefix)
            }
        }
        return nil
    }

    /// Builds a model from labelled tiles (`tiles`: `labels.count` tiles one after the other):
    /// at most `prototypes` k-means prototypes per character.
    public static func build(
        tiles: [UInt8], labels: [String], prototypes: Int, prefix: String
    ) throws(PlateReadingError) {
        precondition(tiles.count == labels.count * tileBytes, "one tile per label")
        var status = CPlateVision_Status.ok
        let cLabels = labels.map { strdup($0) }
        defer { cLabels.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = cLabels.map { UnsafePointer($0) }
        let result = pointers.withUnsafeBufferPointer { labelPointers in
            CPlateVision_GlyphModelBuild(
                tiles, labelPointers.baseAddress, Int32(labels.count), Int32(prototypes), prefix, &status)
        }
        guard result == 0 else { throw PlateReadingError(status) }
    }
}
