import Enforcement
import Foundation

/// Gives cars rights by construction, from the seed, per zone kind:
///
/// | zone | right (always valid at every sighting) | no right |
/// | --- | --- | --- |
/// | paid | 55 % a paid session for the zone | 10 % a session that ended before the car's first pass |
/// | resident | 65 % a permit for one of the zone's areas | 8 % a permit for another area, 5 % an expired permit, 4 % a permit for the other split of the plate (`MA-B 1234` for `M-AB 1234`) where that is a district |
/// | mixed | 35 % permit, 30 % session | |
/// | time-limited with areas | 30 % permit (residents are exempt from the limit) | |
/// | all but no-parking | 4 % an exemption (all zones or this one) | |
///
/// Sessions start at the car's arrival and end 15-90 minutes after its last pass, so every
/// sighting is inside them by more than any grace; expired sessions end at least 30 minutes
/// before the first sighting (grace is at most 10 in the demo town). A few rows for plates
/// that are not parked anywhere are mixed in, as a real rights store would hold them.
enum RightsPlanner {
    static func plan(_ scenario: ParkingScenario, seed: UInt64) -> DriveRights {
        var g = SeededGenerator(seed: seed, stream: 5)
        var rights = DriveRights()
        var references = ReferenceCounter()
        let day = DriveTimestamp.berlinMidnight(of: scenario.passes[0].start)
        let allAreas = Set(scenario.zones.zones.flatMap(\.permitAreas)).sorted()

        for car in scenario.cars {
            guard let zone = scenario.zones.zone(id: car.zoneID) else { continue }
            let plate = rightsPlate(car.plate)
            let country = rightsCountry(car.plate)
            var issued: [CarRightTruth] = []
            func permit(_ areas: [String], from: Date, to: Date, for text: String = plate, grants: Bool, note: String) {
                let reference = references.next("P")
                rights.permits.append(ResidentPermitRecord(reference: reference, plate: text, country: country, areas: areas,
                                                           validFrom: from, validTo: to))
                issued.append(CarRightTruth(kind: "residentPermit", reference: reference, grants: grants, note: note))
            }
            func session(start: Date, end: Date, grants: Bool, note: String) {
                let reference = references.next("S")
                rights.sessions.append(PaidSessionRecord(reference: reference, source: g.chance(0.6) ? "app" : "ticket-machine",
                                                         plate: plate, country: country, zone: zone.id, start: start, end: end))
                issued.append(CarRightTruth(kind: "paidSession", reference: reference, grants: grants, note: note))
            }
            let lastPassEnd = scenario.passes[car.passes.upperBound - 1].end
            let firstPassStart = scenario.passes[car.passes.lowerBound - 1].start
            let validPermit = {
                let from = DriveTimestamp.berlinMidnight(of: day, addingDays: -g.int(in: 20...300))
                return (from, DriveTimestamp.berlinMidnight(of: from, addingDays: 365))
            }
            let coveringSession = {
                (car.arrival.addingTimeInterval(g.double(in: 0...60)), lastPassEnd.addingTimeInterval(g.double(in: 15...90) * 60))
            }
            let roll = g.unit()
            switch zone.kind {
            case .paid:
                if roll < 0.55 {
                    let (start, end) = coveringSession()
                    session(start: start, end: end, grants: true, note: "valid")
                } else if roll < 0.65, car.arrival < firstPassStart.addingTimeInterval(-70 * 60) {
                    let end = car.arrival.addingTimeInterval(g.double(in: 20...30) * 60)
                    session(start: car.arrival, end: end, grants: false, note: "expired")
                }
            case .resident:
                if roll < 0.65 {
                    let (from, to) = validPermit()
                    permit([g.element(of: zone.permitAreas)], from: from, to: to, grants: true, note: "valid")
                } else if roll < 0.73 {
                    let (from, to) = validPermit()
                    let other = allAreas.filter { !zone.permitAreas.contains($0) } + ["W9"]
                    permit([other[0]], from: from, to: to, grants: false, note: "wrongArea")
                } else if roll < 0.78 {
                    let to = DriveTimestamp.berlinMidnight(of: day, addingDays: -g.int(in: 3...60))
                    permit(zone.permitAreas, from: DriveTimestamp.berlinMidnight(of: to, addingDays: -365), to: to,
                           grants: false, note: "expired")
                } else if roll < 0.82, let twin = otherSplit(of: car.plate) {
                    let (from, to) = validPermit()
                    permit(zone.permitAreas, from: from, to: to, for: twin, grants: false, note: "otherSplit")
                }
            case .mixed:
                if roll < 0.35 {
                    let (from, to) = validPermit()
                    permit([g.element(of: zone.permitAreas)], from: from, to: to, grants: true, note: "valid")
                } else if roll < 0.65 {
                    let (start, end) = coveringSession()
                    session(start: start, end: end, grants: true, note: "valid")
                }
            case .timeLimited:
                if !zone.permitAreas.isEmpty, roll < 0.30 {
                    let (from, to) = validPermit()
                    permit([g.element(of: zone.permitAreas)], from: from, to: to, grants: true, note: "valid")
                }
            case .noParking:
                break
            }
            if zone.kind != .noParking, issued.allSatisfy({ !$0.grants }), g.chance(0.04) {
                let reference = references.next("X")
                let zones = g.chance(0.5) ? [] : [zone.id]
                rights.exemptions.append(ExemptionRecord(
                    reference: reference, plate: plate, country: country, reason: g.element(of: ["disabled-badge", "municipal-vehicle"]),
                    zones: zones, validFrom: DriveTimestamp.berlinMidnight(of: day, addingDays: -100),
                    validTo: DriveTimestamp.berlinMidnight(of: day, addingDays: 200)))
                issued.append(CarRightTruth(kind: "exemption", reference: reference, grants: true,
                                            note: zones.isEmpty ? "valid in all zones" : "valid"))
            }
            if !issued.isEmpty { rights.byCar[car.id] = issued }
        }
        addUnrelatedRows(to: &rights, scenario: scenario, references: &references, day: day, &g)
        return rights
    }

    /// Plates as the rights files write them: German canonical, foreign letters and digits.
    static func rightsPlate(_ plate: PlateSpec) -> String {
        plate.german == nil ? plate.normalized : plate.text
    }

    /// Empty for German plates, the country code for foreign ones.
    static func rightsCountry(_ plate: PlateSpec) -> String {
        plate.german == nil ? plate.country : ""
    }

    /// `MA-B 1234` for `M-AB 1234` when `MA` is a district: the same characters, another vehicle.
    static func otherSplit(of plate: PlateSpec) -> String? {
        guard let parts = plate.german, parts.letters.count == 2, parts.district.count < 3 else { return nil }
        let district = parts.district + String(parts.letters.prefix(1))
        guard GermanPlateMaker.districts.contains(district) else { return nil }
        return GermanPlateParts(district: district, letters: String(parts.letters.dropFirst()), number: parts.number,
                                suffix: parts.suffix).canonical
    }

    /// Rights for plates parked nowhere in the drive (about one per ten cars).
    private static func addUnrelatedRows(to rights: inout DriveRights, scenario: ParkingScenario,
                                         references: inout ReferenceCounter, day: Date, _ g: inout SeededGenerator) {
        var plates = UniquePlateMaker(foreignShare: 0.1)
        for car in scenario.cars { plates.reserve(car.plate.normalized) }
        let paid = scenario.zones.zones.filter { $0.kind == .paid || $0.kind == .mixed }.map(\.id)
        let areas = Set(scenario.zones.zones.flatMap(\.permitAreas)).sorted()
        for _ in 0..<max(2, scenario.cars.count / 10) {
            let spec = plates.next(using: &g)
            let plate = rightsPlate(spec), country = rightsCountry(spec)
            if g.chance(0.5), !paid.isEmpty {
                let start = scenario.passes[0].start.addingTimeInterval(g.double(in: -120...60) * 60)
                rights.sessions.append(PaidSessionRecord(
                    reference: references.next("S"), source: "app", plate: plate, country: country, zone: g.element(of: paid),
                    start: start, end: start.addingTimeInterval(g.double(in: 30...180) * 60)))
            } else if !areas.isEmpty {
                let from = DriveTimestamp.berlinMidnight(of: day, addingDays: -g.int(in: 20...300))
                rights.permits.append(ResidentPermitRecord(
                    reference: references.next("P"), plate: plate, country: country, areas: [g.element(of: areas)], validFrom: from,
                    validTo: DriveTimestamp.berlinMidnight(of: from, addingDays: 365)))
            }
        }
    }
}
