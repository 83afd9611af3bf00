/// A German registration number by FZV § 9: district code (Unterscheidungszeichen),
/// one or two letters, one to four digits and an optional suffix `E` (electric) or `H`
/// (historic). Written `M-AB 1234` or `M-AB 123E`.
///
/// Every value of this type is grammatical: the initialisers return nil otherwise.
/// The rules checked are
/// - the district is one of ``GermanDistrictCodes/alphabetic`` (1-3 letters, umlauts allowed),
/// - the letter group has 1-2 letters `A`-`Z` (never umlauts),
/// - the number has 1-4 digits and does not start with `0`,
/// - district, letters, digits and suffix together have at most ``maximumLength`` characters.
///
/// Special series with another layout (`Y-123 456`, `0-1`, diplomatic plates) are not
/// modelled: their codes only pass when they happen to follow the ordinary grammar.
public struct GermanPlate: Sendable, Hashable, CustomStringConvertible {
    /// The suffix after the number.
    public enum Suffix: Character, Sendable, Hashable, CaseIterable {
        /// `E`: electric vehicle (EmoG).
        case electric = "E"
        /// `H`: historic vehicle (H-Kennzeichen).
        case historic = "H"
    }

    /// At most this many characters (district + letters + digits + suffix).
    public static let maximumLength = 8

    /// District code, upper case with umlauts as on the plate: `M`, `DÜW`.
    public let district: String
    /// The one or two letters after the seal stickers: `AB`.
    public let letters: String
    /// The number, 1-4 digits without leading zero: `1234`.
    public let digits: String
    /// `E` or `H` after the number, if any.
    public let suffix: Suffix?

    /// A plate from its parts; nil when the parts break the grammar (see the type's doc).
    public init?(district: String, letters: String, digits: String, suffix: Suffix? = nil) {
        guard (1...3).contains(district.count),
              GermanDistrictCodes.alphabetic.contains(district),
              (1...2).contains(letters.count),
              letters.allSatisfy(Self.isPlateLetter),
              (1...4).contains(digits.count),
              digits.allSatisfy(Self.isPlateDigit),
              digits.first != "0",
              district.count + letters.count + digits.count + (suffix == nil ? 0 : 1) <= Self.maximumLength
        else { return nil }
        self.district = district
        self.letters = letters
        self.digits = digits
        self.suffix = suffix
    }

    /// Parses the canonical written form `M-AB 1234`, `M-AB 123E`, `DÜW-X 7H`.
    ///
    /// Exactly one hyphen between district and letters and one space between letters and
    /// number are required; lower case is accepted and upper-cased; leading and trailing
    /// spaces are ignored. Returns nil for text that is not a grammatical German plate.
    public init?(canonical: String) {
        let text = String(canonical.uppercased().drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
        guard let hyphen = text.firstIndex(of: "-") else { return nil }
        let district = String(text[..<hyphen])
        let parts = text[text.index(after: hyphen)...].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var number = String(parts[1])
        var suffix: Suffix?
        if let last = number.last, let parsed = Suffix(rawValue: last) {
            suffix = parsed
            number.removeLast()
        }
        self.init(district: district, letters: String(parts[0]), digits: number, suffix: suffix)
    }

    /// The written form: `M-AB 1234`, with the suffix right after the number: `M-AB 123E`.
    public var canonical: String {
        "\(district)-\(letters) \(digits)\(suffix.map { String($0.rawValue) } ?? "")"
    }

    /// Letters and digits only, umlauts kept: `MAB1234`, `DÜWX7H`. Several plates may share
    /// one normalized form (see ``splits(normalized:)``).
    public var normalized: String {
        "\(district)\(letters)\(digits)\(suffix.map { String($0.rawValue) } ?? "")"
    }

    /// Same as ``canonical``.
    public var description: String { canonical }

    /// All grammatical plates whose ``normalized`` form is `normalized` (upper-cased first),
    /// shortest district first: `"MAB1234"` gives `M-AB 1234` and `MA-B 1234` (`MAB` is a
    /// code too, but `MAB-` would leave no letters). Empty when no split is grammatical.
    ///
    /// Without the sticker gap these are different vehicles a permit lookup must consider.
    public static func splits(normalized: String) -> [GermanPlate] {
        let chars = Array(normalized.uppercased())
        guard let firstDigit = chars.firstIndex(where: isPlateDigit), firstDigit >= 2 else { return [] }
        var number = chars[firstDigit...]
        var suffix: Suffix?
        if let last = number.last, let parsed = Suffix(rawValue: last) {
            suffix = parsed
            number = number.dropLast()
        }
        let digits = String(number)
        var result: [GermanPlate] = []
        for districtLength in 1...min(3, firstDigit - 1) where firstDigit - districtLength <= 2 {
            if let plate = GermanPlate(
                district: String(chars[..<districtLength]),
                letters: String(chars[districtLength..<firstDigit]),
                digits: digits,
                suffix: suffix
            ) {
                result.append(plate)
            }
        }
        return result
    }

    /// `A`-`Z`: the characters of the letter group.
    static func isPlateLetter(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return false }
        return ascii >= 65 && ascii <= 90
    }

    /// `0`-`9`.
    static func isPlateDigit(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }

    /// The umlauts a district code may contain.
    static func isUmlaut(_ c: Character) -> Bool { c == "Ä" || c == "Ö" || c == "Ü" }
}
