import Enforcement
import Foundation

/// Times as exports write and requests give them.
///
/// Written: ISO 8601 with the Berlin offset of that moment, whole seconds
/// (`2025-11-04T10:15:00+01:00`), as DATEX II's `DateTime` (`xs:dateTime`) and people expect.
/// Read: the same with any offset or `Z`, optionally with fractional seconds, or a local Berlin
/// wall-clock time without offset (`2025-11-04T10:15`, `2025-11-04 10:15:00`). A local time that
/// does not exist (the hour skipped when DST begins) is an error, not silently shifted.
public enum OccupancyTime {
    private static let berlinCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .europeBerlin
        return calendar
    }()

    /// `date` in Berlin time with its offset.
    public static func format(_ date: Date) -> String {
        let whole = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
        let c = berlinCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        let offset = TimeZone.europeBerlin.secondsFromGMT(for: whole)
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return "\(pad(c.year ?? 0, 4))-\(pad(c.month ?? 0))-\(pad(c.day ?? 0))T\(pad(c.hour ?? 0)):\(pad(c.minute ?? 0)):"
            + "\(pad(c.second ?? 0))\(sign)\(pad(hours)):\(pad(minutes))"
    }

    /// The moment `text` names; throws ``OccupancyExportError/badTime(_:)`` otherwise.
    public static func parse(_ text: String) throws(OccupancyExportError) -> Date {
        guard let date = strictParse(Array(text.utf8)) else { throw .badTime(text) }
        return date
    }

    private static func strictParse(_ b: [UInt8]) -> Date? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                guard (48...57).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 48)
                i += 1
            }
            return value
        }
        func expect(_ char: UInt8) -> Bool {
            guard i < b.count, b[i] == char else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
              let day = number(2), i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(UInt8(ascii: ":")) {
            guard let s = number(2) else { return nil }
            second = s
            if expect(UInt8(ascii: ".")) {
                var scale = 0.1
                let start = i
                while i < b.count, (48...57).contains(b[i]) {
                    fraction += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start, i - start <= 9 else { return nil }
            }
        }
        var offset: Int?
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") {
                offset = 0
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let h = number(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                guard let m = number(2), h <= 14, m < 60 else { return nil }
                offset = sign * (h * 3600 + m * 60)
            }
        }
        guard i == b.count, (1...12).contains(month), (1...31).contains(day), hour <= 23, minute <= 59, second <= 59 else {
            return nil
        }
        var calendar = berlinCalendar
        if let offset {
            guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
            calendar.timeZone = zone
        }
        let wanted = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: wanted) else { return nil }
        // Round trip: rejects 2025-02-30 and local times skipped by DST.
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard back.year == year, back.month == month, back.day == day, back.hour == hour, back.minute == minute,
              back.second == second else { return nil }
        return date.addingTimeInterval(fraction)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
