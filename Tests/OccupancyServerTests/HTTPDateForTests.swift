import Foundation

/// Reads an IMF-fixdate (`Wed, 26 Nov 2026 17:30:00 GMT`) independently of the server's code.
enum HTTPDateForTests {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
