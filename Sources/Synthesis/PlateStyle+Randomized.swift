extension PlateStyle {
    /// The standard style for `plate` with the random wear of a real plate: background tint,
    /// inspection sticker (year, colour, month), state seal, glyph width, dirt and sheen.
    /// `dirt` and `sheen` give how often they appear and how strong they are.
    static func randomized(
        for plate: PlateSpec, dirt: (chance: Double, strength: ClosedRange<Double>),
        sheen: (chance: Double, strength: ClosedRange<Double>), using g: inout SeededGenerator
    ) -> PlateStyle {
        var style = PlateStyle.standard(for: plate)
        style.background = style.background.jittered(by: 4, using: &g)
        style.inspectionYear = g.int(in: 24...29)
        style.inspectionColor = ScenePalette.inspectionColors[style.inspectionYear] ?? RGB(240, 130, 40)
        style.inspectionMonth = g.int(in: 1...12)
        style.stateSeal = g.int(in: 0...7)
        style.glyphWidth = g.double(in: 0.84...0.95)
        style.dirt = g.chance(dirt.chance) ? g.double(in: dirt.strength) : 0
        style.sheen = g.chance(sheen.chance) ? g.double(in: sheen.strength) : 0
        style.seed = g.next()
        return style
    }
}
