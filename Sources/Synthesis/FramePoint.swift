/// A point in frame pixels (continuous: pixel (i, j) covers [i, i+1) x [j, j+1)).
public struct FramePoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
