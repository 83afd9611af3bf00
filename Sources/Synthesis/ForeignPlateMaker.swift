/// Makes random plates of some other EU countries in a plausible (not exhaustive) format each.
public enum ForeignPlateMaker {
    /// The countries it knows, by their code in the EU band.
    public static let countries = ["PL", "CZ", "SK", "NL", "F", "A", "I", "B"]

    /// A random plate of a random country in ``countries``.
    public static func random(using generator: inout SeededGenerator) -> PlateSpec {
        random(country: generator.element(of: countries), using: &generator)
    }

    /// A random plate of `country` (one of ``countries``; others get a generic `AB 1234`).
    public static func random(country: String, using generator: inout SeededGenerator) -> PlateSpec {
        var g = generator
        defer { generator = g }
        func letters(_ n: Int) -> String { (0..<n).map { _ in String(g.element(of: alphabet)) }.joined() }
        func digits(_ n: Int) -> String { (0..<n).map { _ in String(g.int(in: 0...9)) }.joined() }
        func nonZero() -> String { String(g.int(in: 1...9)) }
        let text: String
        switch country {
        case "PL":  // "WA 56660", "KR 1234C"
            text = g.element(of: ["WA", "WE", "KR", "PO", "GD", "WR", "LU", "SZ", "EL"]) + " "
                + (g.chance(0.6) ? digits(5) : digits(4) + letters(1))
        case "CZ":  // "1T4 3213"
            text = nonZero() + letters(1) + (g.chance(0.5) ? digits(1) : letters(1)) + " " + digits(4)
        case "SK":  // "BA 302OZ"
            text = g.element(of: ["BA", "BL", "KE", "NR", "TT", "ZA", "PO", "BB"]) + " " + digits(3) + letters(2)
        case "NL":  // "12-ABC-3", "AB-123-C"
            text = g.chance(0.5)
                ? digits(2) + "-" + dutchLetters(3, &g) + "-" + nonZero()
                : dutchLetters(2, &g) + "-" + digits(3) + "-" + dutchLetters(1, &g)
        case "F":  // "AB-123-CD"
            text = letters(2) + "-" + nonZero() + digits(2) + "-" + letters(2)
        case "A":  // "W 12345 B", "GU 123 AB"
            text = g.element(of: ["W", "G", "L", "S", "I", "GU", "LL", "BR"]) + " " + nonZero() + digits(g.int(in: 1...3))
                + " " + letters(g.int(in: 1...2))
        case "I":  // "AB 123 CD"
            text = letters(2) + " " + digits(3) + " " + letters(2)
        case "B":  // "1-ABC-234"
            text = nonZero() + "-" + letters(3) + "-" + digits(3)
        default:
            text = letters(2) + " " + nonZero() + digits(3)
        }
        return PlateSpec(country: country, text: text)
    }

    static let alphabet = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
    static let dutchAlphabet = Array("BDFGHJKLNPRSTVXZ")

    static func dutchLetters(_ n: Int, _ g: inout SeededGenerator) -> String {
        (0..<n).map { _ in String(g.element(of: dutchAlphabet)) }.joined()
    }
}
