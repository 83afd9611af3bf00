import Enforcement
import Foundation

/// Times as the drive's files write them: ISO 8601 with milliseconds and the Berlin offset
/// (`2025-11-04T10:00:00.000+01:00`), computed with integer arithmetic so that the same
/// instant is always the same text.
enum DriveTimestamp {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Milliseconds since 1970, rounded.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// `2025-11-04T10:00:00.000+01:00` (Europe/Berlin).
    static func iso(_ date: Date) -> String {
        let ms = milliseconds(date)
        let offset = TimeZone.europeBerlin.secondsFromGMT(for: date)
        let localMs = ms + Int64(offset) * 1000
        let fraction = Int((localMs % 1000 + 1000) % 1000)
        let seconds = (localMs - Int64(fraction)) / 1000
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                   from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let sign = offset < 0 ? "-" : "+"
        let zone = pad(abs(offset) / 3600) + ":" + pad(abs(offset) % 3600 / 60)
        return "\(c.year!)-\(pad(c.month!))-\(pad(c.day!))T\(pad(c.hour!)):\(pad(c.minute!)):\(pad(c.second!))."
            + pad(fraction, 3) + sign + zone
    }

    /// UTC time of day `hhmmss.ss` and date `ddmmyy`, as NMEA writes them.
    static func nmea(_ date: Date) -> (time: String, date: String) {
        let centiseconds = Int64((date.timeIntervalSince1970 * 100).rounded())
        let seconds = centiseconds / 100
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                   from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let time = pad(c.hour!) + pad(c.minute!) + pad(c.second!) + "." + pad(Int(centiseconds % 100))
        return (time, pad(c.day!) + pad(c.month!) + pad(c.year! % 100))
    }

    /// Midnight in Berlin at the start of `date`'s day, moved by `days`.
    static func berlinMidnight(of date: Date, addingDays days: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .europeBerlin
        let midnight = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: days, to: midnight)!
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
