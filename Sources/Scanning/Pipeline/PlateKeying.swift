import PlateReading

/// The rights key of a read plate (as ``Enforcement/PlateKey`` keys rights): the canonical
/// split form for a German plate, letters and digits for any other.
enum PlateKeying {
    static func key(of plate: FusedPlate) -> String {
        GermanPlate(canonical: plate.text) != nil ? plate.text : plate.normalized
    }

    /// The key of a reading given as text only (an alternative).
    static func key(ofText text: String) -> String {
        GermanPlate(canonical: text) != nil ? text : text.filter { $0.isLetter || $0.isNumber }
    }

    /// Every key the plate could have: for an undecided German split, each grammatical split.
    static func candidateKeys(of plate: FusedPlate) -> [String] {
        var keys = [key(of: plate)]
        for split in GermanPlate.splits(normalized: plate.normalized).map(\.canonical) where !keys.contains(split) {
            keys.append(split)
        }
        return keys
    }
}
