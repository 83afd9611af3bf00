import PlateReading

/// Makes random, grammatical German plates: a district from ``GermanDistrictCodes/alphabetic``,
/// 1-2 letters, 1-4 digits without leading zero, sometimes `E` or `H`, at most 8 characters.
/// Districts with umlauts, suffixes and full 8-character plates are deliberately common.
public enum GermanPlateMaker {
    /// All alphabetic district codes, sorted (a `Set`'s order differs between runs).
    public static let districts: [String] = GermanDistrictCodes.alphabetic.sorted()
    /// The district codes with `Ä`, `Ö` or `Ü`.
    public static let umlautDistricts: [String] = districts.filter { $0.contains { "ÄÖÜ".contains($0) } }
    /// At most this many characters on a plate.
    public static let maximumLength = 8

    static let letters: [String] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)

    /// A random German plate.
    public static func random(using generator: inout SeededGenerator) -> PlateSpec {
        let district = generator.chance(0.12)
            ? generator.element(of: umlautDistricts)
            : generator.element(of: districts)
        let roll = generator.unit()
        var suffix: GermanPlateParts.Suffix? = roll < 0.07 ? .electric : roll < 0.11 ? .historic : nil
        let wantLongest = generator.chance(0.2)
        var letterCount = generator.chance(0.7) ? 2 : 1
        var room = maximumLength - district.count - letterCount - (suffix == nil ? 0 : 1)
        if room < 1 { letterCount = 1; room += 1 }
        if room < 1 { suffix = nil; room += 1 }
        let maxDigits = min(4, room)
        let digitCount = wantLongest ? maxDigits : generator.int(in: max(1, maxDigits - 2)...maxDigits)
        var lower = 1
        for _ in 1..<digitCount { lower *= 10 }
        let number = generator.int(in: lower...(lower * 10 - 1))
        let letters = (0..<letterCount).map { _ in generator.element(of: Self.letters) }.joined()
        return PlateSpec(german: GermanPlateParts(district: district, letters: letters, number: number, suffix: suffix))
    }
}
