import Foundation
import Enforcement

/// Local times in Europe/Berlin for readable tests: `berlin("2025-06-02 10:00")`.
/// 2025-06-02 is a Monday; 2025-03-30 and 2025-10-26 are the DST changes.
func berlin(_ text: String) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .europeBerlin
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
    precondition(parts.count == 5, "expected yyyy-MM-dd HH:mm: \(text)")
    let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
    return calendar.date(from: components)!
}

/// An instant in UTC: `utc("2025-03-30 06:30")`.
func utc(_ text: String) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
    let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
    return calendar.date(from: components)!
}
