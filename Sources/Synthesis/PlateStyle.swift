/// How a plate looks beyond its text: colours, stickers, wear.
struct PlateStyle: Sendable, Hashable {
    var background = RGB(250, 250, 248)
    var ink = RGB(12, 12, 12)
    /// Inspection (HU) sticker: colour of its year, the year (two digits) and the month at the top.
    var inspectionColor = RGB(240, 130, 40)
    var inspectionYear = 26
    var inspectionMonth = 6
    /// Picks the colours of the state seal.
    var stateSeal = 0
    /// Horizontal squeeze of the glyphs.
    var glyphWidth = 0.9
    var dirt = 0.0
    var sheen = 0.0
    var seed: UInt64 = 1

    /// The usual look of `plate`'s country (yellow Dutch plates, red Belgian characters).
    static func standard(for plate: PlateSpec) -> PlateStyle {
        var style = PlateStyle()
        if plate.country == "NL" { style.background = RGB(250, 200, 20) }
        if plate.country == "B" { style.ink = RGB(170, 20, 30) }
        return style
    }
}
