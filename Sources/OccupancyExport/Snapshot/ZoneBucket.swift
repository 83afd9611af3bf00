import Enforcement
import Foundation
import GRDB

/// The cars counted in one zone during one time bucket (a `zoneOccupancy` row with
/// granularity `bucket`, 15 minutes by default), for time series.
public struct ZoneBucket: Sendable, Hashable, FetchableRecord {
    public var zoneID: String
    public var periodStart: Date
    public var periodEnd: Date
    public var vehicles: Int
    public var resident: Int
    public var paid: Int
    public var exempt: Int
    public var suspected: Int
    public var unread: Int
    public var unchecked: Int
    public var dwellSeconds: Double
    public var dwellCount: Int

    public init(zoneID: String, periodStart: Date, periodEnd: Date, vehicles: Int, resident: Int = 0, paid: Int = 0,
                exempt: Int = 0, suspected: Int = 0, unread: Int = 0, unchecked: Int = 0,
                dwellSeconds: Double = 0, dwellCount: Int = 0) {
        self.zoneID = zoneID
        self.periodStart = periodStart
        self.periodEnd = periodEnd
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

    public init(row: Row) throws {
        zoneID = row["zone"]
        periodStart = row["periodStart"]
        periodEnd = row["periodEnd"]
        vehicles = row["vehicles"]
        resident = row["resident"]
        paid = row["paid"]
        exempt = row["exempt"]
        suspected = row["suspected"]
        unread = row["unread"]
        unchecked = row["unchecked"]
        dwellSeconds = row["dwellSeconds"]
        dwellCount = row["dwellCount"]
    }

    /// Mean dwell of the cars seen in two passes, nil when none was.
    public var meanDwell: TimeInterval? {
        dwellCount > 0 ? dwellSeconds / Double(dwellCount) : nil
    }
}
