/// One car space along a kerb: where a parked car's centre is and which way it faces.
public struct KerbSpace: Sendable, Hashable {
    /// The zone the space belongs to.
    public let zoneID: String
    /// The space's number within its zone, from 0 in the direction of traffic.
    public let index: Int
    /// The car's centre, metres in the local frame.
    public let centre: LocalPoint
    /// Unit vector of where the car's front points: the direction of traffic on that kerb
    /// (cars park in the direction of travel on the right-hand kerb).
    public let facing: LocalPoint
}
