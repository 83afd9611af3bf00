/// The German district codes (Unterscheidungszeichen) a plate may start with.
public enum GermanDistrictCodes {
    /// All codes, umlauts included (`DÜW`, `BÖ`), plus special series (`Y`, `BD`, `THW`, `0`).
    public static let all: Set<String> = Set(table.keys)

    /// Codes made of letters only: the ones the ordinary plate grammar accepts.
    public static let alphabetic: Set<String> = all.filter { $0.allSatisfy(\.isLetter) }

    /// Whether `code` (upper case, umlauts as on the plate) is a district code.
    public static func contains(_ code: String) -> Bool { all.contains(code) }

    /// Whether `code` is what another code becomes when the OCR loses its umlaut (`BS` from
    /// `BÜS`, `M` from `MÜ`) or reads it as the plain vowel (`BO` from `BÖ`): a read of
    /// `code` may then be a plate of the other district.
    public static func mayHaveLostAnUmlaut(_ code: String) -> Bool { umlautShadows.contains(code) }

    private static let umlautShadows: Set<String> = {
        let plain: [Character: Character] = ["Ä": "A", "Ö": "O", "Ü": "U"]
        var shadows = Set<String>()
        for code in all where code.contains(where: { plain[$0] != nil }) {
            shadows.insert(String(code.filter { plain[$0] == nil }))
            shadows.insert(String(code.map { plain[$0] ?? $0 }))
        }
        return shadows.intersection(all)
    }()

    /// The district or authority behind a code, e.g. `"M"` -> `"München"`.
    public static func district(of code: String) -> String? { table[code] }
}
