/// The German district codes (Unterscheidungszeichen) a plate may start with.
public enum GermanDistrictCodes {
    /// All codes, umlauts included (`DÜW`, `BÖ`), plus special series (`Y`, `BD`, `THW`, `0`).
    public static let all: Set<String> = Set(table.keys)

    /// Codes made of letters only: the ones the ordinary plate grammar accepts.
    public static let alphabetic: Set<String> = all.filter { $0.allSatisfy(\.isLetter) }

    /// Whether `code` (upper case, umlauts as on the plate) is a district code.
    public static func contains(_ code: String) -> Bool { all.contains(code) }

    /// The district or authority behind a code, e.g. `"M"` -> `"München"`.
    public static func district(of code: String) -> String? { table[code] }
}
