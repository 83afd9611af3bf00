import Foundation

/// Reads the supported `opening_hours` subset into a week of time ranges (see
/// `OpeningHours` for the grammar).
struct OpeningHoursParser {
    let text: String

    private static let dayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    /// Seven entries, Monday first.
    func week() throws(OpeningHoursError) -> [[DailyTimeRange]] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw failure("empty; use \"24/7\" for rules that always apply") }
        var week: [[DailyTimeRange]] = Array(repeating: [], count: 7)
        var ruleCount = 0
        for rule in trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            let ruleText = rule.trimmingCharacters(in: .whitespaces)
            if ruleText.isEmpty { continue }
            let (days, ranges) = try parseRule(ruleText)
            for day in days { week[day] = ranges }
            ruleCount += 1
        }
        guard ruleCount > 0 else { throw failure("no rules") }
        return week
    }

    /// One rule: `[days] [times | off]`, or `24/7`.
    private func parseRule(_ rule: String) throws(OpeningHoursError) -> (days: [Int], ranges: [DailyTimeRange]) {
        if rule == "24/7" { return (Array(0..<7), [.wholeDay]) }
        var tokens = rule.split(separator: " ").map(String.init)
        var days = Array(0..<7)
        if let first = tokens.first, first.first?.isLetter == true, !Self.isOff(first) {
            days = try parseDays(first)
            tokens.removeFirst()
        }
        if tokens.isEmpty { return (days, [.wholeDay]) }
        if tokens.count == 1, Self.isOff(tokens[0]) { return (days, []) }
        // "08:00-12:00, 14:00-18:00": spaces after commas are tolerated.
        let times = tokens.joined()
        if times.contains(where: { $0.isLetter }) {
            throw failure("cannot read \"\(tokens.joined(separator: " "))\" in rule \"\(rule)\" (expected times like 08:00-20:00 or \"off\")")
        }
        var ranges: [DailyTimeRange] = []
        for range in times.split(separator: ",", omittingEmptySubsequences: false) {
            ranges.append(try parseTimeRange(String(range), rule: rule))
        }
        return (days, ranges)
    }

    private static func isOff(_ token: String) -> Bool {
        token == "off" || token == "closed"
    }

    /// `Mo-Fr`, `Mo,We,Fr`, `Sa`, `Fr-Mo` (wrapping), `Mo-Fr,Su`.
    private func parseDays(_ selector: String) throws(OpeningHoursError) -> [Int] {
        var days: [Int] = []
        for item in selector.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard ends.count <= 2 else { throw failure("cannot read day range \"\(item)\"") }
            let first = try dayIndex(ends[0])
            let last = ends.count == 2 ? try dayIndex(ends[1]) : first
            var day = first
            while true {
                if !days.contains(day) { days.append(day) }
                if day == last { break }
                day = (day + 1) % 7
            }
        }
        return days
    }

    private func dayIndex(_ name: String) throws(OpeningHoursError) -> Int {
        if let index = Self.dayNames.firstIndex(of: name) { return index }
        switch name {
        case "PH":
            throw failure("public holidays (PH) are not supported: the town's holiday calendar is not known; list the weekdays only")
        case "SH":
            throw failure("school holidays (SH) are not supported; list the weekdays only")
        case "":
            throw failure("missing day in \"\(text)\"")
        default:
            throw failure("unknown day \"\(name)\" (days are Mo Tu We Th Fr Sa Su)")
        }
    }

    /// `08:00-20:00`, `22:00-06:00` (over midnight), `08:00-24:00`.
    private func parseTimeRange(_ range: String, rule: String) throws(OpeningHoursError) -> DailyTimeRange {
        let ends = range.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count == 2 else {
            throw failure("cannot read time range \"\(range)\" in rule \"\(rule)\" (expected HH:MM-HH:MM)")
        }
        let start = try minutes(ends[0], range: range)
        let end = try minutes(ends[1], range: range)
        guard start < 24 * 60 else { throw failure("time range \"\(range)\" starts at 24:00") }
        guard start != end else { throw failure("time range \"\(range)\" is empty") }
        return DailyTimeRange(start: start, end: end > start ? end : end + 24 * 60)
    }

    /// `HH:MM` with two-digit hours 00-24 and minutes 00-59; 24:00 only.
    private func minutes(_ time: String, range: String) throws(OpeningHoursError) -> Int {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw failure("cannot read time \"\(time)\" in \"\(range)\" (expected HH:MM)")
        }
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else {
            throw failure("time \"\(time)\" in \"\(range)\" is not a time of day")
        }
        return hour * 60 + minute
    }

    private func failure(_ reason: String) -> OpeningHoursError {
        OpeningHoursError(text: text, reason: reason)
    }
}
