import PlateReading
import Synthesis
import Testing

@Suite struct PlateMakerTests {
    @Test func germanPlatesFollowTheGrammar() {
        var generator = SeededGenerator(seed: 11)
        var umlauts = 0, suffixes = 0, longest = 0, oneLetter = 0, oneDigit = 0
        for _ in 0..<3000 {
            let plate = GermanPlateMaker.random(using: &generator)
            guard let parts = plate.german else {
                Issue.record("\(plate.text) has no German parts")
                continue
            }
            #expect(plate.country == "D")
            #expect(GermanDistrictCodes.alphabetic.contains(parts.district), "\(parts.district) is no district code")
            #expect((1...3).contains(parts.district.count))
            #expect((1...2).contains(parts.letters.count))
            #expect(parts.letters.allSatisfy { ("A"..."Z").contains($0) }, "letters \(parts.letters)")
            let digits = String(parts.number)
            #expect((1...4).contains(digits.count) && !digits.hasPrefix("0"))
            #expect(parts.characterCount <= 8, "\(plate.text) has more than 8 characters")
            #expect(plate.normalized.count == parts.characterCount)
            // The canonical form reads back into the same parts.
            #expect(GermanPlateParts(canonical: plate.text) == parts)
            #expect(plate.text == "\(parts.district)-\(parts.letters) \(digits)\(parts.suffix?.rawValue ?? "")")
            if parts.district.contains(where: { "ÄÖÜ".contains($0) }) { umlauts += 1 }
            if parts.suffix != nil { suffixes += 1 }
            if parts.characterCount == 8 { longest += 1 }
            if parts.letters.count == 1 { oneLetter += 1 }
            if digits.count == 1 { oneDigit += 1 }
        }
        #expect(umlauts > 150, "umlaut districts: \(umlauts)")
        #expect(suffixes > 150, "E/H suffixes: \(suffixes)")
        #expect(longest > 300, "8-character plates: \(longest)")
        #expect(oneLetter > 300 && oneDigit > 30)
    }

    @Test func districtListIsSortedAndComplete() {
        #expect(GermanPlateMaker.districts == GermanDistrictCodes.alphabetic.sorted())
        #expect(GermanPlateMaker.umlautDistricts.contains("DÜW"))
        #expect(GermanPlateMaker.umlautDistricts.contains("BÖ"))
    }

    @Test func foreignPlatesHaveTheirCountryFormats() {
        var generator = SeededGenerator(seed: 12)
        let patterns: [String: String] = [
            "PL": #"^[A-Z]{2} [0-9]{4}[0-9A-Z]$"#, "CZ": #"^[1-9][A-Z][0-9A-Z] [0-9]{4}$"#,
            "SK": #"^[A-Z]{2} [0-9]{3}[A-Z]{2}$"#, "NL": #"^([0-9]{2}-[A-Z]{3}-[1-9]|[A-Z]{2}-[0-9]{3}-[A-Z])$"#,
            "F": #"^[A-Z]{2}-[1-9][0-9]{2}-[A-Z]{2}$"#, "A": #"^[A-Z]{1,2} [1-9][0-9]{1,3} [A-Z]{1,2}$"#,
            "I": #"^[A-Z]{2} [0-9]{3} [A-Z]{2}$"#, "B": #"^[1-9]-[A-Z]{3}-[0-9]{3}$"#,
        ]
        for country in ForeignPlateMaker.countries {
            for _ in 0..<50 {
                let plate = ForeignPlateMaker.random(country: country, using: &generator)
                #expect(plate.country == country && plate.german == nil)
                let pattern = try! Regex(patterns[country]!)
                #expect(plate.text.wholeMatch(of: pattern) != nil, "\(country) plate \(plate.text)")
            }
        }
    }
}
