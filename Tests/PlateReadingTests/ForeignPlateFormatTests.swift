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

    @Test func austriaHasItsDistrictDigitsAndLettersSeries() {
        let layouts = ForeignPlateFormat.common.filter { $0.country == "A" }.map(\.layout)
        #expect(layouts.count == 14)
        #expect(layouts.contains("L DD L") && layouts.contains("LL DDDDD L") && layouts.contains("LL DDDD LL"))
        #expect(!layouts.contains("LL DDDDD LL"), "at most 6 characters after the district")
    }

    @Test func everyCommonLayoutHasLettersAndDigitsOnly() {
        for format in ForeignPlateFormat.common {
            #expect(!format.classes.isEmpty, "\(format.country) \(format.layout)")
            #expect((0...1).contains(format.prior))
        }
    }
}
