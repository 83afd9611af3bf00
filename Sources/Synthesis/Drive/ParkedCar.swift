import Foundation

/// A car parked in one kerb space of the scenario, from its arrival to its departure.
public struct ParkedCar: Sendable, Hashable {
    /// Half the length of a car, metres: its plates are this far ahead of and behind its middle.
    public static let halfLength = 2.2

    /// 1-based, in order of first pass, then zone (map order), then space.
    public let id: Int
    public let plate: PlateSpec
    public let space: KerbSpace
    /// The 1-based passes during which the car stands in its space.
    public let passes: ClosedRange<Int>
    /// When it parked (before the first of its passes).
    public let arrival: Date
    /// When it left (after the last of its passes).
    public let departure: Date
    let look: CarLook

    /// The zone it is parked in.
    public var zoneID: String { space.zoneID }
}
