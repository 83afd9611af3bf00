import Enforcement
import Foundation

/// Derives the cases by construction from the scenario, the rights as issued and the
/// sightings, following the zone rules of `Zones/README.md` — not by running the rule engine,
/// so that the truth does not depend on the code it scores.
///
/// A car with a right (issued so that it covers every sighting) never has a case. Otherwise,
/// of its sightings at which the zone's hours apply, the first pair far enough apart makes
/// the case:
/// - paid, resident, mixed: at least `confirmationMinutes` apart;
/// - no-parking: at least `confirmationMinutes` and more than 3 minutes apart;
/// - time-limited: more than max stay + grace apart, with a parking disc counted from the
///   latest setting the disc can show: the half hour after the first sighting (the car
///   arrived then at the latest; digital chalking only knows the first sighting).
/// A car seen once (or in one pass only, when passes are closer than the rule) has no case.
/// Zone hours come from the zone map (`OpeningHours`); the demo passes lie well inside or
/// outside every zone's hours.
enum ExpectedCaseFinder {
    static func cases(_ scenario: ParkingScenario, rights: DriveRights, sightings: [Int: [SightingRun]]) -> [ExpectedCase] {
        var found: [ExpectedCase] = []
        for car in scenario.cars where !rights.hasRight(car: car.id) {
            guard let zone = scenario.zones.zone(id: car.zoneID) else { continue }
            let times = (sightings[car.id] ?? [])
                .map { (time: $0.time, pass: $0.pass) }
                .filter { zone.hours.isActive(at: $0.time) }
                .sorted { $0.time < $1.time }
            let (rule, minutes, strict) = requirement(zone)
            search: for (i, first) in times.enumerated() {
                let minutes = minutes + (zone.parkingDisc ? discMinutes(after: first.time) : 0)
                for later in times[(i + 1)...] {
                    let apart = later.time.timeIntervalSince(first.time) / 60
                    guard strict ? apart > minutes : apart >= minutes else { continue }
                    found.append(ExpectedCase(
                        carID: car.id, plate: RightsPlanner.rightsPlate(car.plate), normalized: car.plate.normalized,
                        zone: zone.id, rule: rule, firstSighting: DriveTimestamp.iso(first.time),
                        confirmingSighting: DriveTimestamp.iso(later.time), passes: [first.pass, later.pass],
                        marginMinutes: ((apart - minutes) * 100).rounded() / 100))
                    break search
                }
            }
        }
        return found
    }

    /// The rule's name, the minutes the sightings must be apart, and whether strictly more.
    static func requirement(_ zone: ParkingZone) -> (rule: String, minutes: Double, strict: Bool) {
        let confirmation = Double(zone.confirmationMinutes)
        switch zone.kind {
        case .paid: return ("noPaidSession", confirmation, false)
        case .resident: return ("noResidentPermit", confirmation, false)
        case .mixed: return ("noPaidSessionOrPermit", confirmation, false)
        case .noParking: return ("noParking", max(confirmation, 3), confirmation <= 3)
        case .timeLimited:
            let allowed = Double((zone.maxStayMinutes ?? 0) + zone.graceMinutes)
            return ("maxStayExceeded", allowed, true)
        }
    }

    /// Minutes from `first` to the latest disc setting a car seen then can show: the half hour
    /// strictly after its arrival (§ 13 StVO), and it arrived at `first` at the latest. Half
    /// hours counted in UTC, which agrees with local time in whole- and half-hour offsets.
    static func discMinutes(after first: Date) -> Double {
        let halfHour = 30.0 * 60
        let into = first.timeIntervalSince1970.truncatingRemainder(dividingBy: halfHour)
        return (halfHour - into) / 60
    }
}
