import Foundation

/// Times as the back office reads and writes them: Berlin local time with offset, as the
/// fines office expects (`2025-11-04T10:02:34+01:00`).
public enum ReviewTime {
    public static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current

    /// `2025-11-04T10:02:34+01:00`.
    public static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = berlin
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `2025-11-04 10:02` (Berlin), for tables.
    public static func short(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// A time given on the command line: `2025-11-04` (midnight, Berlin), `2025-11-04T10:00`
    /// (Berlin), a full ISO 8601 time with offset, or an age before `now`: `36h`, `7d`.
    public static func parse(_ text: String, now: Date = Date()) throws(ReviewError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, "hd".contains(unit), let amount = Double(trimmed.dropLast()), amount >= 0 {
            return now.addingTimeInterval(-amount * (unit == "h" ? 3600 : 86400))
        }
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        if let date = full.date(from: trimmed) { return date }
        for pattern in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = berlin
            formatter.dateFormat = pattern
            if let date = formatter.date(from: trimmed) { return date }
        }
        throw ReviewError(.invalidInput, "time \"\(text)\": use 2025-11-04, 2025-11-04T10:00 (Berlin), "
            + "2025-11-04T10:00:00+01:00, or an age like 36h or 7d")
    }
}
