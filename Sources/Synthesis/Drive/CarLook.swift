/// How a parked car is drawn: body, plate heights front and rear, plate style.
struct CarLook: Sendable, Hashable {
    var bodyWidth: Double
    /// Height of the rear plate's centre above the road, mm.
    var rearPlateHeight: Double
    /// Height of the front plate's centre above the road, mm.
    var frontPlateHeight: Double
    var body: RGB
    var plateHolder: Bool
    var holderText: String?
    var seed: UInt64
    var style: PlateStyle

    /// A random look for `plate`, in the ranges the scene planner uses.
    init(plate: PlateSpec, using g: inout SeededGenerator) {
        bodyWidth = g.double(in: 1650...1900)
        rearPlateHeight = g.double(in: 450...650)
        frontPlateHeight = g.double(in: 380...520)
        body = g.element(of: ScenePalette.carBodies).jittered(by: 10, using: &g)
        plateHolder = g.chance(0.5)
        holderText = plateHolder && g.chance(0.5) ? g.element(of: ScenePalette.holderTexts) : nil
        seed = g.next()
        style = PlateStyle.randomized(
            for: plate, dirt: (0.2, 0.1...0.4), sheen: (0.2, 0.1...0.4), using: &g)
    }
}
