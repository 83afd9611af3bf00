/// The layout of a foreign EU plate series, e.g. Slovakia's `LL-DDDLL` (`BA-302OZ`).
///
/// Foreign plates are common in German streets. We do not force the German grammar on them,
/// but where a reading fits a neighbouring country's layout, that layout resolves the same
/// letter/digit confusions (O/0, I/1, B/8, ...) the German grammar does.
public struct ForeignPlateFormat: Sendable, Equatable {
    /// Country code as on the EU band.
    public var country: String
    /// `L` a letter, `D` a digit, anything else a separator shown in the canonical text.
    public var layout: String
    /// How common this series is on German streets relative to the others (0...1).
    public var prior: Double

    public init(country: String, layout: String, prior: Double = 1) {
        self.country = country
        self.layout = layout
        self.prior = prior
    }

    /// The character classes, separators left out.
    var classes: [CharacterClass] {
        layout.compactMap { $0 == "L" ? .letter : $0 == "D" ? .digit : nil }
    }

    /// For each character, whether the layout puts a separator (gap) before it.
    var separatedBefore: [Bool] {
        var result: [Bool] = []
        var pending = false
        for slot in layout {
            if slot == "L" || slot == "D" {
                result.append(pending && !result.isEmpty)
                pending = false
            } else {
                pending = true
            }
        }
        return result
    }

    /// `normalized` written in this layout (`BA302OZ` -> `BA-302OZ`); nil if it does not fit.
    public func canonical(_ normalized: String) -> String? {
        let characters = Array(normalized)
        guard characters.count == classes.count,
              zip(characters, classes).allSatisfy({ $1.admits($0) }) else { return nil }
        var text = ""
        var next = characters.makeIterator()
        for slot in layout {
            if slot == "L" || slot == "D" { text.append(next.next()!) } else { text.append(slot) }
        }
        return text
    }
}

enum CharacterClass {
    case letter, digit

    func admits(_ character: Character) -> Bool {
        switch self {
        case .letter: ("A"..."Z").contains(character)
        case .digit: character.isASCII && character.isNumber
        }
    }
}

extension ForeignPlateFormat {
    /// Countries whose plates (or rear plates) are yellow: a yellow plate is one of theirs, a
    /// yellow sign (`KM 12000`) fits none of their layouts.
    public static let yellowCountries: Set<String> = ["NL", "L", "GB"]

    /// Current series of the countries whose cars are most often parked in German towns.
    /// Layouts with letters and digits in fixed places only: free-form series (personalised
    /// plates, Austria's mixed districts) are left to the raw reading.
    public static let common: [ForeignPlateFormat] = [
        .init(country: "PL", layout: "LL DDDDD"), .init(country: "PL", layout: "LLL DDDD"),
        .init(country: "PL", layout: "LLL DDLL"), .init(country: "PL", layout: "LL DDDLL"),
        .init(country: "PL", layout: "LL DDDDL"),
        .init(country: "CZ", layout: "DLD DDDD"), .init(country: "CZ", layout: "DLL DDDD"),
        .init(country: "SK", layout: "LL-DDDLL", prior: 0.6),
        .init(country: "F", layout: "LL-DDD-LL", prior: 0.8),
        // Printed `AB 123 CD`: a gap on both sides of the digits.
        .init(country: "I", layout: "LL DDD LL", prior: 0.6),
        .init(country: "NL", layout: "DD-LLL-D"), .init(country: "NL", layout: "D-LLL-DD"),
        .init(country: "NL", layout: "LL-DDD-L"), .init(country: "NL", layout: "L-DDD-LL"),
        .init(country: "NL", layout: "LLL-DD-L"), .init(country: "NL", layout: "DD-LL-LL"),
        .init(country: "B", layout: "D-LLL-DDD", prior: 0.6),
        .init(country: "DK", layout: "LL DD DDD", prior: 0.5),
        .init(country: "CH", layout: "LL DDDDDD", prior: 0.8), .init(country: "CH", layout: "LL DDDDD", prior: 0.8),
        .init(country: "CH", layout: "LL DDDD", prior: 0.8),
        .init(country: "L", layout: "LL DDDD", prior: 0.4),
        .init(country: "H", layout: "LLL-DDD", prior: 0.5), .init(country: "H", layout: "LL LL-DDD", prior: 0.5),
        .init(country: "E", layout: "DDDD LLL", prior: 0.3),
        // Right-hand-drive cars are rare on the continent.
        .init(country: "GB", layout: "LLDD LLL", prior: 0.15),
    ] + austrian

    /// Austria: a district of 1-2 letters, the coat of arms, then 2-5 digits and 1-2 letters
    /// (`W 12345 B`, `GU 123 AB`, `G 18 B`), 3-6 characters after the district: fourteen
    /// layouts, each at a low prior so that together they weigh about as much as two series.
    static let austrian: [ForeignPlateFormat] = ["L", "LL"].flatMap { district in
        (2...5).flatMap { digits in
            (1...2).filter { digits + $0 <= 6 }.map { letters in
                ForeignPlateFormat(
                    country: "A", layout: district + " " + String(repeating: "D", count: digits) + " "
                        + String(repeating: "L", count: letters),
                    prior: 0.15)
            }
        }
    }
}
