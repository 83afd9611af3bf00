import Foundation

/// Parsers for the field formats of NMEA 0183. Each returns nil for an empty field and
/// throws a message naming the field for a malformed one.
enum NMEAField {
    /// `hhmmss` or `hhmmss.sss` as seconds since midnight.
    static func secondsOfDay(_ field: Substring, name: String = "time") throws(DriveInputError) -> Double? {
        guard !field.isEmpty else { return nil }
        let bytes = Array(field.utf8)
        var scanner = DigitScanner(bytes)
        guard let hours = scanner.number(digits: 2), let minutes = scanner.number(digits: 2),
              let seconds = scanner.number(digits: 2), hours < 24, minutes < 60, seconds <= 60
        else { throw malformed(name, field, expected: "hhmmss.ss") }
        var fraction = 0.0
        if scanner.skip(".") {
            fraction = scanner.fraction() ?? 0
        }
        guard scanner.atEnd else { throw malformed(name, field, expected: "hhmmss.ss") }
        return Double(hours * 3600 + minutes * 60 + seconds) + fraction
    }

    /// `ddmmyy` as a civil date. Two-digit years 80…99 are 1980…1999, 00…79 are 2000…2079.
    static func date(_ field: Substring) throws(DriveInputError) -> (year: Int, month: Int, day: Int)? {
        guard !field.isEmpty else { return nil }
        var scanner = DigitScanner(Array(field.utf8))
        guard let day = scanner.number(digits: 2), let month = scanner.number(digits: 2),
              let shortYear = scanner.number(digits: 2), scanner.atEnd
        else { throw malformed("date", field, expected: "ddmmyy") }
        let year = shortYear >= 80 ? 1900 + shortYear : 2000 + shortYear
        guard (1...12).contains(month), day >= 1, day <= UTCTime.daysIn(month: month, year: year) else {
            throw DriveInputError(code: .invalidSentence, message: "date \"\(field)\" is no day that exists")
        }
        return (year, month, day)
    }

    /// Latitude `ddmm.mmmm` + `N`/`S`, or longitude `dddmm.mmmm` + `E`/`W`, as signed
    /// decimal degrees. nil when both fields are empty.
    static func coordinate(_ value: Substring, _ hemisphere: Substring, isLatitude: Bool) throws(DriveInputError) -> Double? {
        guard !(value.isEmpty && hemisphere.isEmpty) else { return nil }
        let name = isLatitude ? "latitude" : "longitude"
        let pattern = isLatitude ? "ddmm.mmmm" : "dddmm.mmmm"
        let integerPart = value.prefix { $0 != "." }
        let fractionPart = value.dropFirst(integerPart.count)
        guard integerPart.count >= 3, integerPart.count <= (isLatitude ? 4 : 5),
              integerPart.allSatisfy(\.isASCIIDigit),
              fractionPart.isEmpty || (fractionPart.dropFirst().allSatisfy(\.isASCIIDigit)),
              let degrees = Int(integerPart.dropLast(2)),
              let minutes = Double(integerPart.suffix(2) + (fractionPart.count > 1 ? fractionPart : ""))
        else { throw malformed(name, value, expected: pattern) }
        guard minutes < 60, degrees <= (isLatitude ? 90 : 180) else {
            throw DriveInputError(code: .invalidSentence, message: "\(name) \"\(value)\" is out of range")
        }
        let sign: Double
        switch (isLatitude, hemisphere) {
        case (true, "N"), (false, "E"): sign = 1
        case (true, "S"), (false, "W"): sign = -1
        default:
            let expected = isLatitude ? "N or S" : "E or W"
            throw DriveInputError(code: .invalidSentence, message: "\(name) hemisphere is \"\(hemisphere)\"; expected \(expected)")
        }
        let decimal = sign * (Double(degrees) + minutes / 60)
        guard abs(decimal) <= (isLatitude ? 90 : 180) else {
            throw DriveInputError(code: .invalidSentence, message: "\(name) \"\(value)\" is out of range")
        }
        return decimal
    }

    /// A plain decimal number (digits, one point, an optional leading minus). nil when empty.
    static func number(_ field: Substring, name: String) throws(DriveInputError) -> Double? {
        guard !field.isEmpty else { return nil }
        let digits = field.first == "-" ? field.dropFirst() : field
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
              digits.filter({ $0 == "." }).count <= 1, digits != ".", let value = Double(field)
        else { throw malformed(name, field, expected: "a number") }
        return value
    }

    /// A non-negative whole number. nil when empty.
    static func integer(_ field: Substring, name: String) throws(DriveInputError) -> Int? {
        guard !field.isEmpty else { return nil }
        guard field.count <= 9, field.allSatisfy(\.isASCIIDigit), let value = Int(field) else {
            throw malformed(name, field, expected: "a whole number")
        }
        return value
    }

    private static func malformed(_ name: String, _ field: Substring, expected: String) -> DriveInputError {
        DriveInputError(code: .invalidSentence, message: "\(name) \"\(field.prefix(40))\" is not \(expected)")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
