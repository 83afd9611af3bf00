/// An sRGB colour, 0...255 per channel.
struct RGB: Sendable, Hashable {
    var r: UInt8
    var g: UInt8
    var b: UInt8

    init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// This colour with every channel moved by up to `amount` levels at random.
    func jittered(by amount: Int, using generator: inout SeededGenerator) -> RGB {
        func move(_ v: UInt8) -> UInt8 { UInt8(clamping: Int(v) + generator.int(in: -amount...amount)) }
        return RGB(move(r), move(g), move(b))
    }
}
