/// One straight stretch of a street's centre line, driven from `start` to `end`.
struct StreetLeg: Sendable, Hashable {
    var start: LocalPoint
    var end: LocalPoint

    var length: Double { (end - start).length }
    /// Unit vector of the direction of travel.
    var direction: LocalPoint { (end - start).unit }

    /// Distance along the leg and signed distance to the right of the centre line (metres).
    func alongAndRight(_ point: LocalPoint) -> (along: Double, right: Double) {
        let offset = point - start
        return (offset.dot(direction), offset.dot(direction.rightNormal))
    }

    /// The point `along` metres down the leg and `right` metres right of the centre line.
    func point(along: Double, right: Double) -> LocalPoint {
        start + direction * along + direction.rightNormal * right
    }
}
