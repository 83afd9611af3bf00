/// The scan vehicle's path: the tour of a ``StreetMap`` driven in the right-hand lane, as a
/// polyline in the local frame.
///
/// The lane's middle is ``laneOffset`` metres right of the centre line. At a turn the path
/// cuts from one lane line to the next at their intersection; at a dead end (a U-turn) it
/// crosses sideways to the opposite lane.
struct ScanRoute: Sendable, Hashable {
    /// Metres from the centre line to the middle of the driving lane (half of a 3.5 m lane).
    static let laneOffset = 1.75

    let points: [LocalPoint]
    /// Distance along the path at each point, metres; starts at 0.
    let distances: [Double]

    init(streets: StreetMap) {
        let legs = streets.legs
        let lane = Self.laneOffset
        var points = [legs[0].point(along: 0, right: lane)]
        for (leg, next) in zip(legs, legs.dropFirst()) {
            let turn = leg.direction.dot(next.direction)
            if turn > 0.999 { continue }  // straight on
            if turn < -0.999 {  // U-turn: to the end of this lane, then across
                points.append(leg.point(along: leg.length, right: lane))
                points.append(next.point(along: 0, right: lane))
            } else {
                // Intersection of the two lane lines (legs meet at right angles or near them).
                let corner = leg.end + leg.direction.rightNormal * lane + next.direction.rightNormal * lane
                points.append(corner)
            }
        }
        let last = legs[legs.count - 1]
        points.append(last.point(along: last.length, right: lane))
        self.points = points
        var distances = [0.0]
        for (a, b) in zip(points, points.dropFirst()) { distances.append(distances[distances.count - 1] + (b - a).length) }
        self.distances = distances
    }

    var length: Double { distances[distances.count - 1] }

    /// Number of straight pieces of the polyline.
    var segmentCount: Int { points.count - 1 }

    func segmentLength(_ index: Int) -> Double { distances[index + 1] - distances[index] }

    /// Position and direction of travel `distance` metres along the path (clamped to it).
    func pose(atDistance distance: Double) -> (position: LocalPoint, direction: LocalPoint, segment: Int) {
        let d = min(max(0, distance), length)
        var segment = 0
        while segment < segmentCount - 1, distances[segment + 1] < d { segment += 1 }
        let a = points[segment], b = points[segment + 1]
        let direction = (b - a).unit
        return (a + direction * (d - distances[segment]), direction, segment)
    }
}
