/// The streets a scan vehicle drives, as centre-line waypoints in a local metric frame.
///
/// The zone files hold only the kerb strips; where the carriageways run comes from here.
/// ``routeWaypoints`` is a closed tour over the street graph that drives every street
/// segment once in each direction, so that a camera on the right sees both kerbs of every
/// street (cars on the right kerb park in the direction of travel, so it sees their rears).
public struct StreetMap: Sendable, Hashable {
    /// The frame the waypoints are in.
    public let frame: LocalMetricFrame
    /// Centre-line points of the tour, in driving order; each pair is one straight leg.
    public let routeWaypoints: [LocalPoint]

    public init(frame: LocalMetricFrame, routeWaypoints: [LocalPoint]) {
        self.frame = frame
        self.routeWaypoints = routeWaypoints
    }

    /// The demo town of `scripts/make-demo-town.py`: Römerstraße (x = 0, y 0-400),
    /// Kleinschmidtstraße (y = 200, x 0-300), Dantestraße (x = 300, y 0-400). The tour:
    /// Römerstraße north and back south to the junction, Kleinschmidtstraße east, Dantestraße
    /// north, all of it south, back north to the junction, Kleinschmidtstraße west,
    /// Römerstraße south. Wilhelmsplatz (a parking area 20 m off Dantestraße) is not on it.
    public static let demoTown = StreetMap(frame: .demoTown, routeWaypoints: [
        (0, 0), (0, 200), (0, 400), (0, 200), (300, 200), (300, 400), (300, 200), (300, 0), (300, 200), (0, 200), (0, 0),
    ].map { LocalPoint(x: Double($0.0), y: Double($0.1)) })

    /// The straight legs of the tour, in driving order.
    var legs: [StreetLeg] {
        zip(routeWaypoints, routeWaypoints.dropFirst()).map { StreetLeg(start: $0, end: $1) }
    }
}
