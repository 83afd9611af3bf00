import Testing
@testable import Enforcement

@Suite struct RightsCSVReaderTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\"\"\n"
        let records = try RFC4180Reader.records(in: text)
        #expect(records == [
            CSVRecord(line: 1, fields: ["a", "b", "c"]),
            CSVRecord(line: 2, fields: ["x, y", "say \"hi\"", "two\nlines"]),
            CSVRecord(line: 4, fields: ["last", "", ""]),
        ])
    }

    @Test func blankLinesAreSkippedAndCountedAndTheBOMDropped() throws {
        let records = try RFC4180Reader.records(in: "\u{FEFF}h1,h2\n\n1,2\r\n\r\n3,4")
        #expect(records.map(\.line) == [1, 3, 5])
        #expect(records[0].fields == ["h1", "h2"])
        #expect(records[2].fields == ["3", "4"])
    }

    @Test func malformedQuotesAreErrorsWithTheirLine() {
        #expect(throws: RFC4180Reader.SyntaxError(line: 2, reason: "quote opened here is never closed")) {
            try RFC4180Reader.records(in: "a,b\n\"open,x\ny,z\n")
        }
        #expect(throws: RFC4180Reader.SyntaxError.self) { try RFC4180Reader.records(in: "a,b\nx\"y\",z\n") }
        #expect(throws: RFC4180Reader.SyntaxError.self) { try RFC4180Reader.records(in: "a,b\n\"x\"y,z\n") }
    }
}
