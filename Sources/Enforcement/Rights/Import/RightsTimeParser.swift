import Foundation

/// Reads the times of rights files.
///
/// - `2025-06-02T10:00:00+02:00`, `...Z`, `+0200`, `+02`; `T` or a space; seconds optional;
///   fractions of a second are dropped (rights are kept to the second).
/// - Without an offset, local time in ``timeZone`` (Europe/Berlin). A local time that does
///   not exist (clocks go forward) or exists twice (clocks go back) is rejected: the file
///   must give the offset there.
/// - A date alone (`2025-12-31`) where allowed: the start of that day for a start, the end
///   of that day (the next midnight) for an end, so `valid_to` names the last valid day.
struct RightsTimeParser: Sendable {
    /// How a date without a time is read.
    enum DateOnly {
        /// Not allowed: a time of day is needed.
        case rejected
        /// The day's first instant.
        case startOfDay
        /// The next day's first instant (the end of a half-open interval).
        case endOfDay
    }

    /// Why a value is no time, quoting it.
    struct Failure: Error {
        let reason: String
    }

    let timeZone: TimeZone

    func instant(_ text: String, dateOnly: DateOnly) throws(Failure) -> Date {
        let pattern = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?/
        guard let match = text.trimmingSpaces.wholeMatch(of: pattern) else {
            throw Failure(reason: "\"\(text)\" is not an ISO 8601 time (2025-06-02T10:00:00+02:00) or date (2025-06-02)")
        }
        let (_, y, mo, d, h, mi, s, zone) = match.output
        var parts = DateComponents(year: Int(y), month: Int(mo), day: Int(d))
        let utc = Self.calendar(.gmt)
        guard let day = utc.date(from: parts),
              utc.component(.month, from: day) == parts.month, utc.component(.day, from: day) == parts.day
        else { throw Failure(reason: "\"\(text)\" is not a date of the calendar") }

        guard let h, let mi else {
            let local = Self.calendar(timeZone)
            switch dateOnly {
            case .rejected: throw Failure(reason: "\"\(text)\" needs a time of day")
            case .startOfDay:
                guard let start = local.date(from: parts) else { throw Failure(reason: "\"\(text)\" has no midnight") }
                return start
            case .endOfDay:
                guard let start = local.date(from: parts), let next = local.date(byAdding: .day, value: 1, to: start)
                else { throw Failure(reason: "\"\(text)\" has no midnight") }
                return next
            }
        }
        let (hour, minute, second) = (Int(h) ?? 99, Int(mi) ?? 99, s.flatMap { Int($0) } ?? 0)
        parts.hour = hour
        parts.minute = minute
        parts.second = second
        guard hour < 24, minute < 60, second < 60, let naive = utc.date(from: parts) else {
            throw Failure(reason: "\"\(text)\" is not a time of day")
        }
        if let zone {
            return naive.addingTimeInterval(-TimeInterval(Self.offsetSeconds(zone)))
        }
        // Local time: the offsets in force around it that map back onto it.
        let offsets = Set([-86_400.0, 0, 86_400].map { timeZone.secondsFromGMT(for: naive.addingTimeInterval($0)) })
            .filter { timeZone.secondsFromGMT(for: naive.addingTimeInterval(-TimeInterval($0))) == $0 }
        guard offsets.count == 1, let offset = offsets.first else {
            let what = offsets.isEmpty ? "does not exist" : "exists twice"
            throw Failure(reason: "\"\(text)\" \(what) in \(timeZone.identifier) (daylight saving change); give the offset, like +01:00")
        }
        return naive.addingTimeInterval(-TimeInterval(offset))
    }

    /// `Z` 0, `+02:00` 7200, `-0130` -5400, `+01` 3600.
    private static func offsetSeconds(_ zone: Substring) -> Int {
        guard zone != "Z" else { return 0 }
        let digits = zone.dropFirst().filter(\.isNumber).compactMap(\.wholeNumberValue)
        let hours = digits.prefix(2).reduce(0) { $0 * 10 + $1 }
        let minutes = digits.dropFirst(2).reduce(0) { $0 * 10 + $1 }
        return (zone.first == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
