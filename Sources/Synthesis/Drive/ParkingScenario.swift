import Enforcement

/// Everything that happens on the street during a drive, decided before anything is drawn:
/// the passes, the kerb spaces, and which car stands where during which passes.
struct ParkingScenario: Sendable {
    let zones: ZoneMap
    let streets: StreetMap
    let passes: [ScanPass]
    let layout: KerbLayout
    /// In ``ParkedCar/id`` order (ids 1...count).
    let cars: [ParkedCar]

    func car(id: Int) -> ParkedCar { cars[id - 1] }
}
