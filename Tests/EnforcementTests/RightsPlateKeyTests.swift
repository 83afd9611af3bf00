import Testing
import Enforcement

@Suite struct RightsPlateKeyTests {
    let grammar = TestPlateGrammar()

    func key(_ text: String, _ country: String? = nil) throws -> PlateKey {
        try PlateKey(parsing: text, country: country, grammar: grammar)
    }

    @Test func germanPlateIsKeyedByItsCanonicalSplit() throws {
        #expect(try key("M-AB 1234").key == "M-AB 1234")
        #expect(try key("  m-ab1234 ").key == "M-AB 1234")
        #expect(try key("M AB 1234").key == "M-AB 1234")
        #expect(try key("M-AB 123E").key == "M-AB 123E")
        #expect(try key("DÜW-X 7", "DE").key == "DÜW-X 7")
        #expect(try key("M-AB 1234", "D").isGerman)
    }

    @Test func theTwoSplitsAreDifferentVehicles() throws {
        #expect(try key("M-AB 1234") != key("MA-B 1234"))
        #expect(try key("MA-B 1234").key == "MA-B 1234")
    }

    @Test func unsplitPlateWithSeveralSplitsIsRejectedWithThem() {
        #expect(throws: PlateKeyError(code: .ambiguousSplit,
                                      message: #"plate "MAB1234" has several splits (M-AB 1234, MA-B 1234); write it with its hyphen"#)) {
            try key("MAB1234")
        }
        // A hyphen before the number decides nothing.
        #expect(throws: PlateKeyError.self) { try key("MAB-1234") }
    }

    @Test func unsplitPlateWithOneSplitIsAccepted() throws {
        #expect(try key("BX12").key == "B-X 12")
    }

    @Test func textThatIsNoGermanPlateIsRejected() {
        for text in ["XY-AB 12", "M-AB 0123", "M-ÄB 12", "MAB", "M-A-B 12", "M-ABC 1"] {
            #expect(throws: PlateKeyError.self, "\(text)") { try key(text) }
        }
        #expect((try? key("M-AB 12!")) == nil)
        do {
            _ = try key("XY-AB 12")
        } catch let error as PlateKeyError {
            #expect(error.code == .notGerman)
            #expect(error.message.contains("for a foreign plate give its country"))
        } catch {
            Issue.record(error)
        }
    }

    @Test func foreignPlateIsItsNormalizedText() throws {
        let dutch = try key("ab-123-c", "nl")
        #expect(dutch.key == "AB123C")
        #expect(dutch.country == "NL")
        #expect(!dutch.isGerman)
        #expect(try key("WA 56660", "PL").key == "WA56660")
        #expect(throws: PlateKeyError.self) { try key("AB 12", "N1") }
        #expect(throws: PlateKeyError.self) { try key(" - ", "NL") }
    }
}
