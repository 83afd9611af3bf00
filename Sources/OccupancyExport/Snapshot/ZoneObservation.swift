import Foundation
import GRDB

/// What the scan vehicle counted in one zone on one pass (a `zoneOccupancy` row with
/// granularity `pass`): the latest known state of the zone. The counts read as the
/// observation's own (`observation.vehicles`).
@dynamicMemberLookup
public struct ZoneObservation: Sendable, Hashable, FetchableRecord {
    /// The scan run (drive) that counted it.
    public var scanRun: String
    /// The pass number within the scan run (1-based).
    public var pass: Int
    /// When the pass began and ended (drive clock). The pass is committed whole, so its end is
    /// the time the counts are valid for.
    public var periodStart: Date
    public var periodEnd: Date
    /// What was counted.
    public var counts: VehicleCounts

    /// An observation from its values (tests and callers building snapshots by hand).
    public init(scanRun: String, pass: Int, periodStart: Date, periodEnd: Date, counts: VehicleCounts) {
        self.scanRun = scanRun
        self.pass = pass
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.counts = counts
    }

    public init(row: Row) throws {
        self.init(scanRun: row["scanRun"], pass: row["pass"] ?? 0, periodStart: row["periodStart"],
                  periodEnd: row["periodEnd"], counts: VehicleCounts(row: row))
    }

    public subscript<Value>(dynamicMember count: KeyPath<VehicleCounts, Value>) -> Value { counts[keyPath: count] }
}
