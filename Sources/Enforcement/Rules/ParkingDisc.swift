import Foundation

/// The parking disc (Parkscheibe, § 13 (2) StVO): it is set to the half hour that follows
/// the time of arrival, so a driver gets up to 30 minutes more than the max stay.
public enum ParkingDisc {
    /// The disc setting for an arrival at `arrival`: the next full or half hour strictly
    /// after it (10:05 → 10:30, 10:30 → 11:00), in local time of `timeZone`.
    public static func setting(forArrival arrival: Date, in timeZone: TimeZone = .europeBerlin) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let hourStart = calendar.dateInterval(of: .hour, for: arrival)?.start ?? arrival
        let halfHour: TimeInterval = 30 * 60
        let intoHour = arrival.timeIntervalSince(hourStart)
        return hourStart.addingTimeInterval((intoHour / halfHour).rounded(.down) * halfHour + halfHour)
    }
}
