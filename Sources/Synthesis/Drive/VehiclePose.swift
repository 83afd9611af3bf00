/// Where the scan vehicle's GPS antenna is at one moment, which way it points, how fast it goes.
struct VehiclePose: Sendable, Hashable {
    var position: LocalPoint
    /// Unit vector of the direction of travel.
    var direction: LocalPoint
    /// Metres per second.
    var speed: Double
}
