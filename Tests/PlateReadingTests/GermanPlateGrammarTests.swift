import Testing
@testable import PlateReading

@Suite struct GermanPlateGrammarTests {
    @Test func canonicalFormParsesIntoGroupsAndPrintsBack() throws {
        let plate = try #require(GermanPlate(canonical: "M-AB 1234"))
        #expect(plate.district == "M")
        #expect(plate.letters == "AB")
        #expect(plate.digits == "1234")
        #expect(plate.suffix == nil)
        #expect(plate.canonical == "M-AB 1234")
        #expect(plate.normalized == "MAB1234")
        #expect(plate.description == "M-AB 1234")
    }

    @Test func lowerCaseAndSurroundingSpacesAreAccepted() {
        #expect(GermanPlate(canonical: "  hh-x 42 ")?.canonical == "HH-X 42")
    }

    @Test func electricAndHistoricSuffixesFollowTheNumber() throws {
        let electric = try #require(GermanPlate(canonical: "M-AB 123E"))
        #expect(electric.suffix == .electric)
        #expect(electric.digits == "123")
        #expect(electric.canonical == "M-AB 123E")
        #expect(electric.normalized == "MAB123E")
        let historic = try #require(GermanPlate(canonical: "B-X 1H"))
        #expect(historic.suffix == .historic)
        #expect(GermanPlate(canonical: "M-AB 123X") == nil)
        #expect(GermanPlate(canonical: "M-AB 123EE") == nil)
        #expect(GermanPlate(canonical: "M-AB E") == nil)
    }

    @Test func umlautDistrictsAreValid() {
        #expect(GermanPlate(canonical: "DÜW-X 7")?.normalized == "DÜWX7")
        #expect(GermanPlate(canonical: "BÖ-AB 12")?.district == "BÖ")
    }

    @Test func leadingZeroIsRejected() {
        #expect(GermanPlate(canonical: "M-AB 0123") == nil)
        #expect(GermanPlate(canonical: "M-AB 0") == nil)
        #expect(GermanPlate(canonical: "M-AB 1023") != nil)
    }

    @Test func moreThanFourDigitsIsRejected() {
        #expect(GermanPlate(canonical: "M-A 12345") == nil)
        #expect(GermanPlate(canonical: "M-A 1234") != nil)
    }

    @Test func moreThanEightCharactersIsRejected() {
        #expect(GermanPlate(canonical: "DÜW-AB 123") != nil)      // 8
        #expect(GermanPlate(canonical: "DÜW-AB 1234") == nil)     // 9
        #expect(GermanPlate(canonical: "DÜW-AB 123E") == nil)     // 9 with the suffix
        #expect(GermanPlate(canonical: "M-AB 1234E") != nil)      // 8 with the suffix
        #expect(GermanPlate(district: "DÜW", letters: "A", digits: "1234", suffix: .historic) == nil)
    }

    @Test func unknownDistrictIsRejected() {
        #expect(GermanPlate(canonical: "QQ-AB 12") == nil)
        #expect(GermanPlate(canonical: "DUW-AB 12") == nil)   // only DÜW is a code
        #expect(GermanPlate(canonical: "MAB-C 12") != nil)    // Marienberg
    }

    @Test func umlautsAndWrongCountsInTheLetterGroupAreRejected() {
        #expect(GermanPlate(canonical: "M-ÄB 12") == nil)
        #expect(GermanPlate(canonical: "M-ABC 12") == nil)
        #expect(GermanPlate(canonical: "M- 12") == nil)
        #expect(GermanPlate(canonical: "M-A1 12") == nil)
    }

    @Test func malformedTextIsRejected() {
        #expect(GermanPlate(canonical: "MAB 1234") == nil)
        #expect(GermanPlate(canonical: "M-AB1234") == nil)
        #expect(GermanPlate(canonical: "M-AB  1234") == nil)
        #expect(GermanPlate(canonical: "") == nil)
    }

    @Test func unsplitTextYieldsEveryGrammaticalSplit() {
        #expect(GermanPlate.splits(normalized: "MAB1234").map(\.canonical) == ["M-AB 1234", "MA-B 1234"])
        #expect(GermanPlate.splits(normalized: "mab123e").map(\.canonical) == ["M-AB 123E", "MA-B 123E"])
        #expect(GermanPlate.splits(normalized: "HHX42").map(\.canonical) == ["H-HX 42", "HH-X 42"])
        #expect(GermanPlate.splits(normalized: "MA1").map(\.canonical) == ["M-A 1"])
    }

    @Test func unsplitTextWithoutGrammaticalSplitYieldsNothing() {
        #expect(GermanPlate.splits(normalized: "M1234").isEmpty)
        #expect(GermanPlate.splits(normalized: "MAB").isEmpty)
        #expect(GermanPlate.splits(normalized: "DÜWAB1234").isEmpty)   // 9 characters
        #expect(GermanPlate.splits(normalized: "RK828AG").isEmpty)
        #expect(GermanPlate.splits(normalized: "MAB0123").isEmpty)
    }
}
