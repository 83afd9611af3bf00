import Foundation

/// One drive of the scan vehicle along the whole ``ScanRoute``: when it starts, and how fast
/// it drives each piece of the route.
///
/// The vehicle stands for ``standingSeconds`` at the start and at the end (GPS fixes, no
/// movement), drives long pieces at 20-30 km/h (seeded, per pass) and turns at walking-plus
/// speed (3 m/s on pieces shorter than 10 m).
public struct ScanPass: Sendable, Hashable {
    /// Seconds the vehicle stands still before moving off and after arriving.
    static let standingSeconds = 4.0

    /// 1-based pass number.
    public let number: Int
    /// When the vehicle starts standing at the start of the route.
    public let start: Date
    /// Speed on each route piece, metres per second.
    let speeds: [Double]
    /// Seconds after ``start`` at which each route piece begins.
    let pieceStarts: [Double]
    let route: ScanRoute

    init(number: Int, start: Date, route: ScanRoute, generator: inout SeededGenerator) {
        self.number = number
        self.start = start
        self.route = route
        var speeds: [Double] = []
        var starts: [Double] = []
        var clock = Self.standingSeconds
        for piece in 0..<route.segmentCount {
            let length = route.segmentLength(piece)
            let speed = length < 10 ? 3.0 : generator.double(in: 20...30) / 3.6
            speeds.append(speed)
            starts.append(clock)
            clock += length / speed
        }
        self.speeds = speeds
        self.pieceStarts = starts + [clock]
    }

    /// Seconds from ``start`` to the end of standing at the end of the route.
    public var duration: Double { pieceStarts[pieceStarts.count - 1] + Self.standingSeconds }

    /// When the pass ends.
    public var end: Date { start.addingTimeInterval(duration) }

    /// The vehicle at `seconds` after ``start``.
    func pose(at seconds: Double) -> VehiclePose {
        let t = seconds - Self.standingSeconds
        guard t > 0 else {
            let p = route.pose(atDistance: 0)
            return VehiclePose(position: p.position, direction: p.direction, speed: 0)
        }
        var piece = 0
        while piece < speeds.count - 1, pieceStarts[piece + 1] - Self.standingSeconds <= t { piece += 1 }
        let intoPiece = t - (pieceStarts[piece] - Self.standingSeconds)
        let pieceLength = route.segmentLength(piece)
        let along = min(pieceLength, intoPiece * speeds[piece])
        let moving = intoPiece * speeds[piece] < pieceLength
        let p = route.pose(atDistance: route.distances[piece] + along)
        // Within a piece, `pose(atDistance:)` may report the neighbouring piece at its very end.
        let direction = (route.points[piece + 1] - route.points[piece]).unit
        return VehiclePose(position: p.position, direction: direction, speed: moving ? speeds[piece] : 0)
    }
}
