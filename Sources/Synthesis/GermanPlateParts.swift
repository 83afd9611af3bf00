/// The parts of a German registration number: `M-AB 1234E` is district `M`, letters `AB`,
/// number `1234` and suffix `E`.
public struct GermanPlateParts: Sendable, Hashable {
    /// The suffix after the number.
    public enum Suffix: String, Sendable, Hashable {
        /// Electric vehicle.
        case electric = "E"
        /// Historic vehicle.
        case historic = "H"
    }

    /// District code (Unterscheidungszeichen), 1-3 letters, umlauts allowed: `M`, `DÜW`.
    public let district: String
    /// The 1-2 letters after the seal stickers: `AB`.
    public let letters: String
    /// The number, 1...9999.
    public let number: Int
    /// `E` or `H` after the number, if any.
    public let suffix: Suffix?

    public init(district: String, letters: String, number: Int, suffix: Suffix? = nil) {
        self.district = district
        self.letters = letters
        self.number = number
        self.suffix = suffix
    }

    /// Parses the written form `M-AB 1234` / `M-AB 123E`; nil if it does not have that shape.
    public init?(canonical: String) {
        guard let hyphen = canonical.firstIndex(of: "-") else { return nil }
        let rest = canonical[canonical.index(after: hyphen)...].split(separator: " ", omittingEmptySubsequences: false)
        guard rest.count == 2 else { return nil }
        var digits = String(rest[1])
        var suffix: Suffix?
        if let last = digits.last, let parsed = Suffix(rawValue: String(last)) {
            suffix = parsed
            digits.removeLast()
        }
        let district = String(canonical[..<hyphen])
        let letters = String(rest[0])
        guard let number = Int(digits), !digits.hasPrefix("0"), digits.allSatisfy(\.isASCII),
              !district.isEmpty, !letters.isEmpty, district.allSatisfy(\.isLetter), letters.allSatisfy(\.isLetter)
        else { return nil }
        self.init(district: district.uppercased(), letters: letters.uppercased(), number: number, suffix: suffix)
    }

    /// `M-AB 1234`, with the suffix right after the number: `M-AB 123E`.
    public var canonical: String {
        "\(district)-\(letters) \(number)\(suffix?.rawValue ?? "")"
    }

    /// The number of characters on the plate (district, letters, digits, suffix).
    public var characterCount: Int {
        district.count + letters.count + String(number).count + (suffix == nil ? 0 : 1)
    }
}
