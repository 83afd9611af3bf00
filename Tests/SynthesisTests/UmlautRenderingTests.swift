import PlateReading
import Synthesis
import TestSupport
import Testing

/// German plates print an umlaut as its plain letter, shortened, with two dots above it inside
/// the cap height. The plate font (OSP-DIN) has no capital Ö and draws a lower-case ü, so the
/// renderer composes umlauts itself; a plate rendered with a dotless Ö cannot be read by
/// anyone and made the benchmark unfair.
@Suite struct UmlautRenderingTests {
    /// Grey levels of the plate `text` rendered alone at 2 pixels per millimetre.
    private func grey(of text: String, district: String, in directory: TemporaryDirectory) throws -> (width: Int, pixels: [Int]) {
        let generator = try SceneGenerator(seed: 0)
        let path = directory.file("\(district).png")
        let plate = PlateSpec(german: GermanPlateParts(district: district, letters: "AG", number: 888, suffix: nil))
        #expect(plate.text == text)
        try generator.renderPlate(plate, to: path, pixelsPerMillimetre: 2)
        let frame = try CameraFrame(contentsOf: path)
        let rgb = frame.rgbPixels()
        let pixels = stride(from: 0, to: rgb.count, by: 3).map { index -> Int in
            let sum: Int = Int(rgb[index]) + Int(rgb[index + 1]) + Int(rgb[index + 2])
            return sum / 3
        }
        return (frame.width, pixels)
    }

    @Test func anUmlautHasTwoDotsInsideTheCapHeight() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let umlaut = try grey(of: "BÖ-AG 888", district: "BÖ", in: directory)
        let plain = try grey(of: "BO-AG 888", district: "BO", in: directory)
        try #require(umlaut.pixels.count == plain.pixels.count)
        let width = umlaut.width
        // The two plates differ only where the Ö and the O are drawn.
        let differing = zip(umlaut.pixels, plain.pixels).enumerated().filter { abs($1.0 - $1.1) > 60 }.map(\.offset)
        try #require(differing.count > 150, "the Ö drawn as an O (\(differing.count) pixels differ)")
        let xs = differing.map { $0 % width }, ys = differing.map { $0 / width }
        let (left, right, top, bottom) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        let plainTop = (top...bottom).first { y in (left...right).contains { plain.pixels[y * width + $0] < 100 } }
        // The Ö from the top: its dots, a light gap, its shortened letter.
        func darkColumns(_ y: Int) -> [Int] { (left...right).filter { umlaut.pixels[y * width + $0] < 100 } }
        let dotTop = try #require((top - 3...bottom).first { !darkColumns($0).isEmpty })
        let gapTop = try #require((dotTop...bottom).first { darkColumns($0).isEmpty }, "no gap under the dots")
        let bodyTop = try #require((gapTop...bottom).first { !darkColumns($0).isEmpty })
        #expect(bodyTop - gapTop >= 2, "gap under the dots: \(bodyTop - gapTop) rows")
        #expect(dotTop >= (plainTop ?? top) - 1, "dots above the cap height: row \(dotTop), the O's top \(plainTop ?? top)")
        let columns = Set((dotTop..<gapTop).flatMap(darkColumns)).sorted()
        let runs = zip(columns, columns.dropFirst()).filter { $1 - $0 > 1 }.count + 1
        #expect(runs == 2, "the dots' columns: \(columns)")
    }
}
