import Testing

@testable import PlateReading

/// A candidate on part of a plate is no second plate (``PlateReader/withoutPieces(_:)``).
struct PlatePieceTests {
    static func read(_ text: String, _ confidence: Double, box: PixelBox) -> PlateRead {
        PlateRead(best: PlateHypothesis(text: text, normalized: text.filter { $0.isLetter || $0.isNumber }, country: nil,
                                        confidence: confidence, splitDecided: true),
                  alternatives: [], box: box, corners: [], detectionScore: 0.8, hasEUBand: false, symbols: [])
    }

    /// The real photo test_015: `A-IR 1` read on the right three quarters of the Slovak
    /// `RK 019AF` outranked it.
    @Test func aPartialReadInsideAPlateIsDropped() {
        let whole = Self.read("RK 019AF", 0.25, box: PixelBox(x: 232, y: 205, width: 115, height: 31))
        let piece = Self.read("A-IR 1", 0.3, box: PixelBox(x: 275, y: 202, width: 77, height: 39))
        #expect(piece.box.shareInside(whole.box) > 0.7)
        #expect(PlateReader.withoutPieces([piece, whole]).map(\.text) == ["RK 019AF"])
    }

    @Test func platesSideBySideOrReadAlikeLongAreKept() {
        let left = Self.read("M-AB 1234", 0.9, box: PixelBox(x: 100, y: 200, width: 120, height: 30))
        let right = Self.read("HD-X 12", 0.8, box: PixelBox(x: 400, y: 200, width: 120, height: 30))
        #expect(PlateReader.withoutPieces([left, right]).count == 2)
        // The same plate by two candidates, as many characters each: both stay (ranked).
        let again = Self.read("M-AB 1284", 0.5, box: PixelBox(x: 105, y: 202, width: 110, height: 28))
        #expect(PlateReader.withoutPieces([left, again]).count == 2)
        // A shorter read beside a plate, mostly outside it, is another text.
        let sign = Self.read("KM 12", 0.7, box: PixelBox(x: 200, y: 200, width: 100, height: 30))
        #expect(PlateReader.withoutPieces([left, sign]).count == 2)
    }
}
