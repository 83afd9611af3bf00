import Foundation

/// Calendar arithmetic for UTC timestamps without `Calendar` or `DateFormatter`: both are
/// locale-dependent classes, and a timestamp format this strict is easier to check by hand.
enum UTCTime {
    /// The moment `secondsOfDay` after midnight UTC of a proleptic Gregorian day, or nil when
    /// the day does not exist.
    static func date(year: Int, month: Int, day: Int, secondsOfDay: Double) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400 + secondsOfDay)
    }

    /// Midnight UTC of the day containing `date`.
    static func startOfDay(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400)
    }

    /// Parses an ISO 8601 / RFC 3339 timestamp: `2024-11-26T09:12:25Z`,
    /// `2024-11-26T09:12:25.123+01:00`, `…+0100`, `…+01`; any number of fraction digits; a
    /// space or `t` may stand for `T`. Without a zone the time is taken as UTC only when
    /// `assumingUTC` is set (GPX says its times are UTC), otherwise it is refused.
    static func parseISO8601(_ text: some StringProtocol, assumingUTC: Bool = false) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        var fraction = 0.0
        if scanner.skip(".") || scanner.skip(",") {
            guard let value = scanner.fraction() else { return nil }
            fraction = value
        }
        var zoneOffset = 0
        if scanner.skip("Z") || scanner.skip("z") {
            zoneOffset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.number(digits: 2), hours <= 18 else { return nil }
            var minutes = 0
            if scanner.skip(":") {
                guard let value = scanner.number(digits: 2) else { return nil }
                minutes = value
            } else if let value = scanner.number(digits: 2) {
                minutes = value
            }
            guard minutes < 60 else { return nil }
            zoneOffset = sign * (hours * 3600 + minutes * 60)
        } else if !assumingUTC {
            return nil
        }
        guard scanner.atEnd else { return nil }
        let seconds = Double(hour * 3600 + minute * 60 + second - zoneOffset) + fraction
        return date(year: year, month: month, day: day, secondsOfDay: seconds)
    }

    /// Days from 1970-01-01 to the given civil date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads fixed-width ASCII numbers off a byte array.
struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index ..< index + digits] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += digits
        return value
    }

    /// One or more digits after a decimal point, as a value in 0 ..< 1 (digits past the
    /// fifteenth are read and ignored).
    mutating func fraction() -> Double? {
        var numerator = 0, denominator = 1, count = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if count < 15 {
                numerator = numerator * 10 + Int(bytes[index] - 0x30)
                denominator *= 10
            }
            index += 1
            count += 1
        }
        return count > 0 ? Double(numerator) / Double(denominator) : nil
    }

    /// `+` gives 1, `-` gives -1.
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
