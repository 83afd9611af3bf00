import Foundation
import Enforcement

/// Zones built in code for the rule tests.
enum RuleFixtures {
    static let shape = ZoneShape(polygons: [ZonePolygon(outer: [
        ZonePoint(latitude: 49.404, longitude: 8.684), ZonePoint(latitude: 49.404, longitude: 8.6841),
        ZonePoint(latitude: 49.4041, longitude: 8.6841), ZonePoint(latitude: 49.404, longitude: 8.684),
    ])])

    static func zone(_ kind: ZoneKind, hours: String, maxStay: Int? = nil, disc: Bool = false,
                     grace: Int = 0, areas: [String] = [], confirmation: Int = 10) -> ZoneRule {
        let zone = ParkingZone(id: "\(kind.rawValue)-test", name: "Test", kind: kind,
                               hours: try! OpeningHours(hours), maxStayMinutes: maxStay, parkingDisc: disc,
                               graceMinutes: grace, capacity: 10, permitAreas: areas,
                               confirmationMinutes: confirmation, shape: shape)
        return ZoneRule(zone: zone)
    }
}

extension ZoneRule {
    /// The decision for a car seen at `first` and `last` (Berlin local times).
    func decide(_ first: String, _ last: String? = nil, _ rights: [ParkingRight] = []) -> ParkingDecision {
        decision(for: ParkingObservation(firstSeen: berlin(first), lastSeen: berlin(last ?? first)), rights: rights)
    }
}
