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
        var style = PlateStyle.standard(for: plate)
        style.background = style.background.jittered(by: 4, using: &g)
        style.inspectionYear = g.int(in: 24...29)
        style.inspectionColor = ScenePalette.inspectionColors[style.inspectionYear] ?? RGB(240, 130, 40)
        style.inspectionMonth = g.int(in: 1...12)
        style.stateSeal = g.int(in: 0...7)
        style.glyphWidth = g.double(in: 0.84...0.95)
        style.dirt = g.chance(0.2) ? g.double(in: 0.1...0.4) : 0
        style.sheen = g.chance(0.2) ? g.double(in: 0.1...0.4) : 0
        style.seed = g.next()
        self.style = style
    }
}
