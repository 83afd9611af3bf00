import ArgumentParser
import Foundation
import PlateReading
import Synthesis

/// Labelled tiles for training the glyph model.
struct GlyphSamples {
    /// A column narrower than this (width / height) after the district is not the seal
    /// stickers but a narrow character (I, 1) broken in two: such a line is left out.
    static let narrowestSticker: Float = 0.3

    var tiles: [UInt8] = []
    var aspects: [Float] = []
    var labels: [String] = []

    /// Takes the tiles of `line`, read from `plate`, when its columns can be labelled (see
    /// ``GlyphsCommand``); false when they cannot.
    mutating func add(_ line: PlateLineImage, plate: PlateTruth) -> Bool {
        let characters = plate.normalized.map { String($0) }
        func tile(_ index: Int, of tiles: [UInt8]) -> ArraySlice<UInt8> {
            tiles[index * GlyphModel.tileBytes..<(index + 1) * GlyphModel.tileBytes]
        }
        if line.characterColumns == characters.count {
            for column in 0..<line.characterColumns {
                append(tile(column, of: line.glyphTiles), line.glyphAspects[column], characters[column])
                // Every other pair, so that "no character" stays fewer than the characters.
                if column % 2 == 0, column + 1 < line.characterColumns {
                    append(tile(column, of: line.pairTiles), line.pairAspects[column], GlyphModel.noCharacter)
                }
            }
            return true
        }
        if line.characterColumns == characters.count + 1, plate.country == "D",
            let district = plate.text.split(separator: "-").first, district.count < characters.count,
            line.glyphAspects[district.count] >= GlyphSamples.narrowestSticker
        {
            for column in 0..<line.characterColumns {
                let label = column == district.count
                    ? GlyphModel.noCharacter : characters[column < district.count ? column : column - 1]
                append(tile(column, of: line.glyphTiles), line.glyphAspects[column], label)
            }
            return true
        }
        return false
    }

    private mutating func append(_ tile: ArraySlice<UInt8>, _ aspect: Float, _ label: String) {
        tiles += tile
        aspects.append(aspect)
        labels.append(label)
    }

    init() {}

    /// Reads what ``write(to:)`` wrote.
    init(readingFrom path: String) throws {
        tiles = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + ".tiles")))
        aspects = try String(contentsOfFile: path + ".aspects", encoding: .utf8).split(separator: "\n").compactMap { Float($0) }
        labels = try String(contentsOfFile: path + ".labels", encoding: .utf8).split(separator: "\n").map(String.init)
        guard aspects.count == labels.count, tiles.count == labels.count * GlyphModel.tileBytes else {
            throw ValidationError("\(path).tiles/.aspects/.labels do not hold one tile, aspect and label each")
        }
    }

    /// PATH.tiles, PATH.aspects, PATH.labels.
    func write(to path: String) throws {
        try Data(tiles).write(to: URL(fileURLWithPath: path + ".tiles"))
        try Data(aspects.map { "\($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: path + ".aspects"))
        try Data(labels.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path + ".labels"))
    }
}
