import Foundation
import GRDB

/// What the scan vehicle counted in one zone on one pass (a `zoneOccupancy` row with
/// granularity `pass`): the latest known state of the zone.
public struct ZoneObservation: Sendable, Hashable, FetchableRecord {
    /// The scan run (drive) that counted it.
    public var scanRun: String
    /// The pass number within the scan run (1-based).
    public var pass: Int
    /// When the pass began and ended (drive clock). The pass is committed whole, so its end is
    /// the time the counts are valid for.
    public var periodStart: Date
    public var periodEnd: Date
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

    /// An observation from its values (tests and callers building snapshots by hand).
    public init(scanRun: String, pass: Int, periodStart: Date, periodEnd: Date, vehicles: Int,
                resident: Int = 0, paid: Int = 0, exempt: Int = 0, suspected: Int = 0, unread: Int = 0,
                unchecked: Int = 0, dwellSeconds: Double = 0, dwellCount: Int = 0) {
        self.scanRun = scanRun
        self.pass = pass
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
        scanRun = row["scanRun"]
        pass = row["pass"] ?? 0
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
