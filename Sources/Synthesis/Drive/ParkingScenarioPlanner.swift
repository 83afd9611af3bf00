import Enforcement
import Foundation

/// Plans a ``ParkingScenario`` from the seed: occupancy per zone at the first pass, cars
/// leaving and arriving between passes, plates, arrival and departure times, looks.
///
/// - Each scanned zone is filled to a random 30-95 % of its capacity (scaled down to about
///   ``DriveOptions/cars`` cars in all when that is set). No-parking zones get one offender
///   each with probability 0.7 (at least one in the drive).
/// - Between two passes `g` minutes apart a car leaves with probability 1 - exp(-g / 90 min)
///   (half that in time-limited and no-parking zones: long stays are what makes their
///   cases); each leaving car is replaced by a new one in a free space of the zone with
///   probability 0.85 (0.3 in no-parking zones), never in a space left in the same gap.
enum ParkingScenarioPlanner {
    static func plan(seed: UInt64, options: DriveOptions, zones: ZoneMap, streets: StreetMap) -> ParkingScenario {
        let route = ScanRoute(streets: streets)
        var speeds = SeededGenerator(seed: seed, stream: 1)
        let passes = options.passOffsetsMinutes.enumerated().map { index, minutes in
            ScanPass(number: index + 1, start: options.start.addingTimeInterval(minutes * 60), route: route,
                     generator: &speeds)
        }
        let layout = KerbLayout(zones: zones, streets: streets)
        var g = SeededGenerator(seed: seed, stream: 2)
        let scanned = zones.zones.filter { layout.spaces[$0.id] != nil }
        let counts = firstPassCounts(scanned, layout: layout, cars: options.cars, &g)

        // Who stands in which space during which passes: (zone, space index, first, last pass).
        var stays: [(zone: ParkingZone, space: Int, first: Int, last: Int)] = []
        for zone in scanned {
            let spaces = layout.spaces[zone.id]!
            var order = Array(spaces.indices)
            shuffle(&order, &g)
            var present = order.prefix(counts[zone.id] ?? 0).map { (space: $0, first: 1) }
            for pass in passes.dropFirst() {
                let gap = pass.start.timeIntervalSince(passes[pass.number - 2].start) / 60
                var leaveChance = 1 - exp(-gap / 90)
                if zone.kind == .timeLimited || zone.kind == .noParking { leaveChance /= 2 }
                var staying: [(space: Int, first: Int)] = []
                var leftSpaces: [Int] = []
                for car in present {
                    if g.chance(leaveChance) {
                        stays.append((zone, car.space, car.first, pass.number - 1))
                        leftSpaces.append(car.space)
                    } else {
                        staying.append(car)
                    }
                }
                // A space left in this gap stays free until the next (the times could overlap).
                var free = spaces.indices.filter { index in
                    !staying.contains { $0.space == index } && !leftSpaces.contains(index)
                }
                shuffle(&free, &g)
                let arrivalChance = zone.kind == .noParking ? 0.3 : 0.85
                for _ in leftSpaces where !free.isEmpty && g.chance(arrivalChance) {
                    staying.append((free.removeLast(), pass.number))
                }
                present = staying
            }
            for car in present { stays.append((zone, car.space, car.first, passes.count)) }
        }
        let zoneOrder = Dictionary(uniqueKeysWithValues: zones.zones.enumerated().map { ($1.id, $0) })
        stays.sort { ($0.first, zoneOrder[$0.zone.id]!, $0.space) < ($1.first, zoneOrder[$1.zone.id]!, $1.space) }

        var plates = UniquePlateMaker(foreignShare: options.foreignShare)
        var plateGenerator = SeededGenerator(seed: seed, stream: 3)
        var timeGenerator = SeededGenerator(seed: seed, stream: 4)
        var cars: [ParkedCar] = []
        for (index, stay) in stays.enumerated() {
            let plate = plates.next(using: &plateGenerator)
            var lookGenerator = SeededGenerator(seed: seed, stream: 0x100_0000 + UInt64(index))
            let look = CarLook(plate: plate, using: &lookGenerator)
            let times = stayTimes(first: stay.first, last: stay.last, passes: passes, &timeGenerator)
            cars.append(ParkedCar(id: index + 1, plate: plate, space: layout.spaces[stay.zone.id]![stay.space],
                                  passes: stay.first...stay.last, arrival: times.arrival, departure: times.departure,
                                  look: look))
        }
        return ParkingScenario(zones: zones, streets: streets, passes: passes, layout: layout, cars: cars)
    }

    /// Cars per zone at the first pass.
    private static func firstPassCounts(_ zones: [ParkingZone], layout: KerbLayout, cars: Int?,
                                        _ g: inout SeededGenerator) -> [String: Int] {
        var targets: [String: Double] = [:]
        var counts: [String: Int] = [:]
        var offenders = 0
        for zone in zones {
            let spaces = layout.spaces[zone.id]!.count
            if zone.kind == .noParking {
                let count = g.chance(0.7) ? 1 : 0
                counts[zone.id] = count
                offenders += count
            } else {
                let usable = zone.capacity > 0 ? min(zone.capacity, spaces) : spaces
                targets[zone.id] = g.double(in: 0.30...0.95) * Double(usable)
            }
        }
        if offenders == 0, let first = zones.first(where: { $0.kind == .noParking }) {
            counts[first.id] = 1
            offenders = 1
        }
        let total = targets.values.reduce(0, +)
        let scale = cars.map { total > 0 ? min(1, Double(max(0, $0 - offenders)) / total) : 0 } ?? 1
        for zone in zones where zone.kind != .noParking {
            let spaces = layout.spaces[zone.id]!.count
            counts[zone.id] = min(spaces, Int((targets[zone.id]! * scale).rounded()))
        }
        return counts
    }

    /// Arrival before the first pass of the stay, departure after its last (between passes
    /// when another pass follows).
    private static func stayTimes(first: Int, last: Int, passes: [ScanPass],
                                  _ g: inout SeededGenerator) -> (arrival: Date, departure: Date) {
        let arrival: Date
        if first == 1 {
            arrival = passes[0].start.addingTimeInterval(-g.double(in: 5...150) * 60)
        } else {
            let earliest = passes[first - 2].end.addingTimeInterval(30)
            let latest = passes[first - 1].start.addingTimeInterval(-90)
            arrival = latest > earliest ? earliest.addingTimeInterval(g.double(in: 0...latest.timeIntervalSince(earliest))) : earliest
        }
        let departure: Date
        if last == passes.count {
            departure = passes[last - 1].end.addingTimeInterval(g.double(in: 5...120) * 60)
        } else {
            let earliest = passes[last - 1].end.addingTimeInterval(30)
            let latest = passes[last].start.addingTimeInterval(-30)
            departure = latest > earliest ? earliest.addingTimeInterval(g.double(in: 0...latest.timeIntervalSince(earliest))) : earliest
        }
        return (arrival, departure)
    }

    /// Fisher-Yates with the seeded generator (the standard library's shuffle may change).
    static func shuffle<T>(_ array: inout [T], _ g: inout SeededGenerator) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, g.int(in: 0...i))
        }
    }
}
