import CPlateVision
import Foundation

/// The plate-font glyph model (`<prefix>.yml.gz`): a small neural network that tells the
/// character in a column tile, or that there is none (``noCharacter``). The reader reads every
/// plate line with it one character per column, beside Tesseract (see Models/README.md).
public struct GlyphModel: Sendable, Equatable {
    /// Path without extension: `<prefix>.yml.gz`.
    public var prefix: String

    public init(prefix: String) { self.prefix = prefix }

    public static let tileWidth = Int(CPlateVision_GlyphTileWidth)
    public static let tileHeight = Int(CPlateVision_GlyphTileHeight)
    /// Bytes of one tile.
    public static var tileBytes: Int { tileWidth * tileHeight }

    /// The label of tiles that hold no character: seal stickers, characters joined by blur.
    public static let noCharacter = "#"

    /// The model ParkScan ships: `Models/plate-glyphs.yml.gz`.
    public static let shippedName = "plate-glyphs"

    /// The shipped model, looked for where ``OCRModel/preferred(environment:)`` looks; nil if
    /// it is not found.
    public static func shipped(environment: [String: String] = ProcessInfo.processInfo.environment) -> GlyphModel? {
        OCRModel.shippedFolder(holding: shippedName + ".yml.gz", environment: environment)
            .map { GlyphModel(prefix: $0 + "/" + shippedName) }
    }

    /// Trains a model on labelled tiles (`tiles`: `labels.count` tiles one after the other,
    /// `aspects` their width / height; a label is a character or ``noCharacter``): a network
    /// with `hidden` hidden units. Deterministic: the same tiles give the same model.
    public static func build(
        tiles: [UInt8], aspects: [Float], labels: [String], hidden: Int, prefix: String
    ) throws(PlateReadingError) {
        precondition(tiles.count == labels.count * tileBytes && aspects.count == labels.count, "one tile per label")
        var status = CPlateVision_Status.ok
        let result = labels.withCStringArray {
            CPlateVision_GlyphModelBuild(tiles, aspects, $0, Int32(labels.count), Int32(hidden), prefix, &status)
        }
        guard result == 0 else { throw PlateReadingError(status) }
    }
}
