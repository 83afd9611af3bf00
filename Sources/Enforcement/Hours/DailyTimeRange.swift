/// A time range within a day, in minutes after local midnight.
///
/// `end` is after `start`; a range over midnight (`22:00-06:00`) has `end` above 1440 and
/// belongs to the day it starts on.
struct DailyTimeRange: Sendable, Hashable {
    /// 0…1439.
    let start: Int
    /// start+1 … start+1440.
    let end: Int

    static let wholeDay = DailyTimeRange(start: 0, end: 24 * 60)
}
