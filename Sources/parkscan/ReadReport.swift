import Foundation
import PlateReading

/// What `parkscan read --json` prints for one image: one JSON object per line.
struct ImageReport: Encodable {
    var file: String
    var plates: [PlateReport]?
    var error: String?
    var ms: Double?

    struct PlateReport: Encodable {
        var text: String
        var normalized: String
        var country: String?
        var confidence: Double
        /// False when the district split (M-AB vs MA-B) could not be decided from the plate.
        var splitDecided: Bool
        var box: [Int]
        var alternatives: [Alternative]
        /// With --symbols: the OCR's characters, e.g. `8:0.91/B:0.05 (gap 0.72)`.
        var symbols: [String]?
    }

    struct Alternative: Encodable {
        var text: String
        var confidence: Double
    }

    init(file: String, reads: [PlateRead], milliseconds: Double, withSymbols: Bool = false) {
        self.file = file
        self.ms = (milliseconds * 10).rounded() / 10
        self.plates = reads.map { read in
            PlateReport(
                text: read.text, normalized: read.normalized, country: read.country,
                confidence: Self.rounded(read.confidence), splitDecided: read.best.splitDecided,
                box: [read.box.x, read.box.y, read.box.width, read.box.height],
                alternatives: read.alternatives.map { Alternative(text: $0.text, confidence: Self.rounded($0.confidence)) },
                symbols: withSymbols ? read.symbols.map(Self.describe) : nil)
        }
    }

    init(file: String, error: String) {
        self.file = file
        self.error = error
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func describe(_ symbol: SymbolReading) -> String {
        let choices = symbol.choices.map { "\($0.character):" + String(format: "%.2f", $0.confidence) }
        return choices.joined(separator: "/") + String(format: " (gap %.2f)", symbol.gapBefore)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    var jsonLine: String {
        (try? String(decoding: Self.encoder.encode(self), as: UTF8.self)) ?? #"{"file":"?","error":"encoding failed"}"#
    }

    /// Rows for the human-readable table.
    var tableRows: [String] {
        if let error { return ["\(file)  ERROR  \(error)"] }
        guard let plates, !plates.isEmpty else { return ["\(file)  (no plate)  \(String(format: "%.1f ms", ms ?? 0))"] }
        return plates.map { plate in
            let split = plate.splitDecided ? "" : "  (split undecided)"
            let country = plate.country ?? "?"
            let alternatives = plate.alternatives.prefix(2).map(\.text).joined(separator: ", ")
            return "\(file)  \(plate.text.padding(toLength: 12, withPad: " ", startingAt: 0)) \(country.padding(toLength: 3, withPad: " ", startingAt: 0)) "
                + String(format: "%.2f", plate.confidence) + String(format: "  %.1f ms", ms ?? 0)
                + (alternatives.isEmpty ? "" : "  or: \(alternatives)") + split
                + (plate.symbols.map { "\n    symbols: " + $0.joined(separator: "  ") } ?? "")
        }
    }
}
