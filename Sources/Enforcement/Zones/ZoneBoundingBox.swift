/// The smallest latitude/longitude rectangle around a zone's shape: the cheap test done
/// before the exact point-in-polygon test.
public struct ZoneBoundingBox: Sendable, Hashable {
    /// Southern edge, degrees.
    public var minLatitude: Double
    /// Northern edge, degrees.
    public var maxLatitude: Double
    /// Western edge, degrees.
    public var minLongitude: Double
    /// Eastern edge, degrees.
    public var maxLongitude: Double

    /// The box around `points`; `points` must not be empty.
    init<Points: Sequence<ZonePoint>>(around points: Points) {
        var box = ZoneBoundingBox(minLatitude: .infinity, maxLatitude: -.infinity,
                                  minLongitude: .infinity, maxLongitude: -.infinity)
        for point in points {
            box.minLatitude = min(box.minLatitude, point.latitude)
            box.maxLatitude = max(box.maxLatitude, point.latitude)
            box.minLongitude = min(box.minLongitude, point.longitude)
            box.maxLongitude = max(box.maxLongitude, point.longitude)
        }
        self = box
    }

    init(minLatitude: Double, maxLatitude: Double, minLongitude: Double, maxLongitude: Double) {
        self.minLatitude = minLatitude
        self.maxLatitude = maxLatitude
        self.minLongitude = minLongitude
        self.maxLongitude = maxLongitude
    }

    /// Whether `point` lies inside or on the edge of the box.
    public func contains(_ point: ZonePoint) -> Bool {
        point.latitude >= minLatitude && point.latitude <= maxLatitude
            && point.longitude >= minLongitude && point.longitude <= maxLongitude
    }

    /// The box around both boxes.
    func union(_ other: ZoneBoundingBox) -> ZoneBoundingBox {
        ZoneBoundingBox(minLatitude: min(minLatitude, other.minLatitude),
                        maxLatitude: max(maxLatitude, other.maxLatitude),
                        minLongitude: min(minLongitude, other.minLongitude),
                        maxLongitude: max(maxLongitude, other.maxLongitude))
    }
}
