/// An axis-aligned box in whole frame pixels.
public struct PixelBox: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The smallest box of whole pixels holding all `points`.
    public init(enclosing points: [FramePoint]) {
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = Int((xs.min() ?? 0).rounded(.down)), minY = Int((ys.min() ?? 0).rounded(.down))
        let maxX = Int((xs.max() ?? 0).rounded(.up)), maxY = Int((ys.max() ?? 0).rounded(.up))
        self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// True when the two boxes share at least one pixel.
    public func intersects(_ other: PixelBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// The box grown by `margin` pixels on every side.
    public func expanded(by margin: Int) -> PixelBox {
        PixelBox(x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin)
    }
}
