/// Random plates, none of which shares its letters and digits with an earlier one, so that no
/// two cars of a drive can be mistaken for each other by a reader that drops the separators.
struct UniquePlateMaker {
    let foreignShare: Double
    private(set) var used: Set<String> = []

    init(foreignShare: Double) {
        self.foreignShare = foreignShare
    }

    /// A German (umlaut districts included, as ``GermanPlateMaker`` makes them) or foreign plate.
    mutating func next(using g: inout SeededGenerator) -> PlateSpec {
        while true {
            let plate = g.chance(foreignShare) ? ForeignPlateMaker.random(using: &g) : GermanPlateMaker.random(using: &g)
            if used.insert(plate.normalized).inserted { return plate }
        }
    }

    /// Marks `normalized` as taken.
    mutating func reserve(_ normalized: String) {
        used.insert(normalized)
    }
}
