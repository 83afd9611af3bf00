import Testing

@testable import PlateReading

struct ForeignPlateFormatTests {
    @Test func canonicalFormInsertsTheLayoutsSeparators() {
        let slovak = ForeignPlateFormat(country: "SK", layout: "LL-DDDLL")
        #expect(slovak.canonical("BA302OZ") == "BA-302OZ")
        #expect(slovak.canonical("BA3020Z") == nil)
        #expect(slovak.canonical("BA302O") == nil)
    }

    @Test func separatorsAreKnownPerCharacter() {
        let french = ForeignPlateFormat(country: "F", layout: "LL-DDD-LL")
        #expect(french.separatedBefore == [false, false, true, false, false, true, false])
    }

    @Test func everyCommonLayoutHasLettersAndDigitsOnly() {
        for format in ForeignPlateFormat.common {
            #expect(!format.classes.isEmpty, "\(format.country) \(format.layout)")
            #expect((0...1).contains(format.prior))
        }
    }
}
