/// Reads CSV text by RFC 4180: fields separated by commas, records by CRLF or LF (a lone CR
/// too); a field in double quotes may contain commas, line breaks and doubled quotes (`""`).
/// A leading byte order mark is dropped. Blank lines are skipped.
///
/// Strict where RFC 4180 is: a quote inside an unquoted field, text after a closing quote
/// and an unterminated quote are errors, not guesses.
enum RFC4180Reader {
    /// A syntax error at `line`.
    struct SyntaxError: Error, Hashable {
        let line: Int
        let reason: String
    }

    static func records(in text: String) throws(SyntaxError) -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, wasQuoted = false
        var i = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            let blank = fields.isEmpty && field.isEmpty && !wasQuoted
            endField()
            if !blank { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
        }

        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count && scalars[i] == "\"" {
                        field.append(c)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                    continue
                }
                if c == "\n" || (c == "\r" && (i == scalars.count || scalars[i] != "\n")) { line += 1 }
                field.append(c)
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r", "\n":
                if c == "\r" && i < scalars.count && scalars[i] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty && !wasQuoted else {
                    throw SyntaxError(line: line, reason: "quote inside a field that does not start with one (quote the whole field and double its quotes)")
                }
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            default:
                guard !wasQuoted else {
                    throw SyntaxError(line: line, reason: "text after a closing quote (a quote inside a quoted field is written \"\")")
                }
                field.append(c)
            }
        }
        if inQuotes { throw SyntaxError(line: quoteLine, reason: "quote opened here is never closed") }
        if !fields.isEmpty || !field.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
