import PlateReading

extension PixelBox {
    /// The smallest box of whole pixels holding all `points`.
    init(enclosing points: [FramePoint]) {
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = Int((xs.min() ?? 0).rounded(.down)), minY = Int((ys.min() ?? 0).rounded(.down))
        let maxX = Int((xs.max() ?? 0).rounded(.up)), maxY = Int((ys.max() ?? 0).rounded(.up))
        self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
