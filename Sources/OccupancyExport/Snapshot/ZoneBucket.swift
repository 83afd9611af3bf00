import Enforcement
import Foundation
import GRDB

/// The cars counted in one zone during one time bucket (a `zoneOccupancy` row with
/// granularity `bucket`, 15 minutes by default), for time series. The counts read as the
/// bucket's own (`bucket.vehicles`).
@dynamicMemberLookup
public struct ZoneBucket: Sendable, Hashable, FetchableRecord {
    public var zoneID: String
    public var periodStart: Date
    public var periodEnd: Date
    public var counts: VehicleCounts

    public init(zoneID: String, periodStart: Date, periodEnd: Date, counts: VehicleCounts) {
        self.zoneID = zoneID
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.counts = counts
    }

    public init(row: Row) throws {
        self.init(zoneID: row["zone"], periodStart: row["periodStart"], periodEnd: row["periodEnd"],
                  counts: VehicleCounts(row: row))
    }

    public subscript<Value>(dynamicMember count: KeyPath<VehicleCounts, Value>) -> Value { counts[keyPath: count] }
}
