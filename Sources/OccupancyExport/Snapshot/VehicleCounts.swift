import Foundation
import GRDB

/// The counts of one `zoneOccupancy` row, per pass (``ZoneObservation``) or per time bucket
/// (``ZoneBucket``).
public struct VehicleCounts: Sendable, Hashable {
    /// Vehicles counted (one per car and pass).
    public var vehicles: Int
    /// Of those: with a resident permit, a paid session, an exemption; suspected (no right);
    /// unread (plate not sure enough); unchecked (zone not enforced at the time).
    public var resident: Int
    public var paid: Int
    public var exempt: Int
    public var suspected: Int
    public var unread: Int
    public var unchecked: Int
    /// Dwell summed over the cars seen in two passes, and how many they were.
    public var dwellSeconds: Double
    public var dwellCount: Int

    public init(vehicles: Int, resident: Int = 0, paid: Int = 0, exempt: Int = 0, suspected: Int = 0,
                unread: Int = 0, unchecked: Int = 0, dwellSeconds: Double = 0, dwellCount: Int = 0) {
        self.vehicles = vehicles
        self.resident = resident
        self.paid = paid
        self.exempt = exempt
        self.suspected = suspected
        self.unread = unread
        self.unchecked = unchecked
        self.dwellSeconds = dwellSeconds
        self.dwellCount = dwellCount
    }

    /// The counts of a `zoneOccupancy` row.
    init(row: Row) {
        self.init(vehicles: row["vehicles"], resident: row["resident"], paid: row["paid"], exempt: row["exempt"],
                  suspected: row["suspected"], unread: row["unread"], unchecked: row["unchecked"],
                  dwellSeconds: row["dwellSeconds"], dwellCount: row["dwellCount"])
    }

    /// Mean dwell of the cars seen in two passes, nil when none was.
    public var meanDwell: TimeInterval? {
        dwellCount > 0 ? dwellSeconds / Double(dwellCount) : nil
    }
}
