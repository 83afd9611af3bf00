import Foundation

/// When a zone's rules apply, from an OSM `opening_hours` text
/// (e.g. `Mo-Fr 08:00-20:00; Sa 08:00-14:00`).
///
/// The supported subset (see `Zones/README.md`):
/// - `24/7`; rules separated by `;`, a later rule replacing earlier ones for the days it
///   names (OSM semantics: `Mo-Sa 08:00-20:00; Sa 08:00-14:00` ends at 14:00 on Saturdays);
/// - days `Mo Tu We Th Fr Sa Su` as ranges (`Mo-Fr`, also wrapping `Fr-Mo`) and lists
///   (`Mo,We,Fr`, `Mo-Fr,Su`); no days means every day;
/// - times `HH:MM-HH:MM`, several separated by `,`; `24:00` as an end; a range over
///   midnight (`22:00-06:00`) belongs to the day it starts on; no times means the whole day;
/// - `off` (or `closed`) after days: no rules on those days.
///
/// Public holidays (`PH`) and school holidays (`SH`) are rejected with a message rather
/// than guessed: the town's holiday calendar is not known here, and treating a holiday as
/// a working day would raise false violations.
///
/// Times are local wall-clock times in the time zone passed in; `Calendar` does the DST
/// arithmetic, so `08:00` is 07:00 UTC in winter and 06:00 UTC in summer.
public struct OpeningHours: Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// Seven entries, Monday first; each the ranges starting on that day.
    let week: [[DailyTimeRange]]

    /// Parses `text`; throws when it is outside the supported subset.
    public init(_ text: String) throws(OpeningHoursError) {
        self.text = text
        self.week = try OpeningHoursParser(text: text).week()
    }

    /// Rules that always apply (`24/7`).
    public static let always = OpeningHours(text: "24/7", week: Array(repeating: [.wholeDay], count: 7))

    private init(text: String, week: [[DailyTimeRange]]) {
        self.text = text
        self.week = week
    }

    public var description: String { text }

    /// Whether the rules apply at `date`, read as local time in `timeZone`.
    public func isActive(at date: Date, in timeZone: TimeZone = .europeBerlin) -> Bool {
        activeInterval(containing: date, in: timeZone) != nil
    }

    /// When the stretch of active time that contains `date` began: the start of today's
    /// hours, or an earlier day's when the hours run on without a break (`24/7`, a range
    /// to 24:00 followed by one from 00:00). `nil` when the rules do not apply at `date`.
    /// Looks back at most a week.
    public func activeSince(_ date: Date, in timeZone: TimeZone = .europeBerlin) -> Date? {
        guard var start = activeInterval(containing: date, in: timeZone)?.start else { return nil }
        for _ in 0..<8 {
            let calendar = Self.calendar(timeZone)
            let earlier = intervals(around: start, calendar: calendar)
                .filter { $0.start < start && $0.end >= start }
                .min { $0.start < $1.start }
            guard let earlier else { break }
            start = earlier.start
        }
        return start
    }

    private func activeInterval(containing date: Date, in timeZone: TimeZone) -> DateInterval? {
        intervals(around: date, calendar: Self.calendar(timeZone))
            .filter { $0.start <= date && date < $0.end }
            .min { $0.start < $1.start }
    }

    /// The active intervals starting on the local day of `date` and on the day before (a
    /// range over midnight from yesterday can still be running).
    private func intervals(around date: Date, calendar: Calendar) -> [DateInterval] {
        let today = calendar.startOfDay(for: date)
        var result: [DateInterval] = []
        for dayOffset in [-1, 0] {
            guard let day = calendar.date(byAdding: .day, value: dayOffset, to: today) else { continue }
            let weekdayIndex = (calendar.component(.weekday, from: day) + 5) % 7  // Monday = 0
            for range in week[weekdayIndex] {
                if let start = Self.localTime(range.start, after: day, calendar: calendar),
                   let end = Self.localTime(range.end, after: day, calendar: calendar), start < end {
                    result.append(DateInterval(start: start, end: end))
                }
            }
        }
        return result
    }

    /// The instant `minutes` of wall-clock time after the local midnight `day`
    /// (minutes ≥ 1440 fall on following days). In the hour skipped at the start of DST the
    /// next existing time is used.
    private static func localTime(_ minutes: Int, after day: Date, calendar: Calendar) -> Date? {
        guard let date = calendar.date(byAdding: .day, value: minutes / 1440, to: day) else { return nil }
        let rest = minutes % 1440
        return calendar.date(bySettingHour: rest / 60, minute: rest % 60, second: 0, of: date)
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
