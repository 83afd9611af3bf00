import Foundation

/// A point or direction in a town's local metric frame: metres east (`x`) and north (`y`)
/// of the frame's origin (see ``LocalMetricFrame``).
public struct LocalPoint: Sendable, Hashable {
    /// Metres east of the origin.
    public var x: Double
    /// Metres north of the origin.
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    static func + (a: LocalPoint, b: LocalPoint) -> LocalPoint { LocalPoint(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: LocalPoint, b: LocalPoint) -> LocalPoint { LocalPoint(x: a.x - b.x, y: a.y - b.y) }
    static func * (a: LocalPoint, s: Double) -> LocalPoint { LocalPoint(x: a.x * s, y: a.y * s) }

    /// Length of the vector, metres.
    var length: Double { (x * x + y * y).squareRoot() }
    /// The vector scaled to length 1 (zero stays zero).
    var unit: LocalPoint { length > 0 ? self * (1 / length) : self }
    /// The direction 90° clockwise: to the right of a vehicle driving along this direction.
    var rightNormal: LocalPoint { LocalPoint(x: y, y: -x) }
    func dot(_ other: LocalPoint) -> Double { x * other.x + y * other.y }
    /// Compass bearing of this direction, degrees clockwise from north in 0..<360.
    var bearingDegrees: Double {
        let degrees = atan2(x, y) * 180 / .pi
        return degrees < 0 ? degrees + 360 : degrees
    }
}
