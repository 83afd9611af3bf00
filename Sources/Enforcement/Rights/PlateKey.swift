/// The exact key rights are stored and matched by.
///
/// - German plates: the canonical split form `M-AB 1234`. `M-AB 1234` and `MA-B 1234` are
///   different vehicles, so the split is part of the key and input without a hyphen is
///   accepted only when exactly one split is grammatical.
/// - Foreign plates: the normalized text, letters and digits only, upper case (`AB-123-C`
///   in NL is `AB123C`). The country is kept beside the key but not matched on: the reader
///   often cannot tell it (F, I and SK share a layout).
///
/// The two kinds never collide: a German key always contains a hyphen and a space.
public struct PlateKey: Sendable, Hashable, CustomStringConvertible {
    /// The distinguishing sign of German plates.
    public static let germany = "D"

    /// The match key: `M-AB 1234` or `AB123C`.
    public let key: String
    /// The country's distinguishing sign: `D`, `NL`, `PL`, ...
    public let country: String

    /// Whether this is a German plate.
    public var isGerman: Bool { country == Self.germany }

    public var description: String { isGerman ? key : "\(key) (\(country))" }

    /// The key of a plate as a person or a file writes it.
    ///
    /// `country` nil, empty, `D` or `DE` means a German plate: `M-AB 1234`, `m-ab1234`,
    /// `M AB 1234` (a hyphen or a space between district and letters marks the split), or
    /// `MAB1234` when only one split is grammatical. Any other country (1-3 letters) takes the
    /// text as is, keeping letters and digits and dropping spaces, hyphens and dots.
    public init(parsing text: String, country: String? = nil, grammar: some GermanPlateGrammar) throws(PlateKeyError) {
        let sign = (country ?? "").trimmingSpaces.uppercased()
        if sign.isEmpty || sign == Self.germany || sign == "DE" {
            self.key = try Self.germanKey(text, grammar: grammar)
            self.country = Self.germany
            return
        }
        guard (1...3).contains(sign.count), sign.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw PlateKeyError(code: .invalidCountry, message: "country \"\(country ?? "")\" is not a distinguishing sign (1-3 letters: D, NL, PL)")
        }
        self.key = try Self.foreignKey(text)
        self.country = sign
    }

    private static func germanKey(_ text: String, grammar: some GermanPlateGrammar) throws(PlateKeyError) -> String {
        let upper = text.trimmingSpaces.uppercased()
        guard !upper.isEmpty else { throw PlateKeyError(code: .empty, message: "plate is empty") }
        if let bad = upper.first(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == " ") }) {
            throw PlateKeyError(code: .invalidCharacter, message: "plate \"\(text)\" contains \"\(bad)\"")
        }
        let notGerman = PlateKeyError(code: .notGerman, message: "plate \"\(text)\" is not a German plate "
            + "(district-letters digits, like M-AB 1234); for a foreign plate give its country")
        guard let firstDigit = upper.firstIndex(where: \.isNumber) else { throw notGerman }
        let number = upper[firstDigit...].filter { $0 != "-" && $0 != " " }
        let groups = upper[..<firstDigit].split(whereSeparator: { $0 == "-" || $0 == " " })
        switch groups.count {
        case 2:
            guard let canonical = grammar.canonicalForm(of: "\(groups[0])-\(groups[1]) \(number)") else { throw notGerman }
            return canonical
        case 1:
            let splits = grammar.splits(ofNormalized: "\(groups[0])\(number)")
            if splits.count == 1 { return splits[0] }
            if splits.isEmpty { throw notGerman }
            throw PlateKeyError(code: .ambiguousSplit, message: "plate \"\(text)\" has several splits ("
                + splits.joined(separator: ", ") + "); write it with its hyphen")
        default:
            throw notGerman
        }
    }

    private static func foreignKey(_ text: String) throws(PlateKeyError) -> String {
        let upper = text.trimmingSpaces.uppercased()
        if let bad = upper.first(where: { !($0.isLetter || $0.isNumber || " -.·".contains($0)) }) {
            throw PlateKeyError(code: .invalidCharacter, message: "plate \"\(text)\" contains \"\(bad)\"")
        }
        let key = upper.filter { $0.isLetter || $0.isNumber }
        guard !key.isEmpty else { throw PlateKeyError(code: .empty, message: "plate is empty") }
        return key
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
