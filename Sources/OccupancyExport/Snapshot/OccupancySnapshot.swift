import Enforcement
import Foundation

/// The occupancy of a set of zones at one moment, read in one database transaction.
///
/// The scan pipeline commits a pass in steps, and the step that ends it sets
/// `scanRun.passCount` in the same transaction. ``OccupancyStore`` reads a snapshot in one
/// read transaction (WAL snapshot isolation) and takes only passes up to `passCount`, so a
/// snapshot holds either all of a pass or none of it, also while a scan is writing.
public struct OccupancySnapshot: Sendable {
    /// What was asked.
    public let query: OccupancyQuery
    /// The selected zones in map order, each with its latest observation.
    public let zones: [ZoneOccupancy]
    /// Time buckets of the selected zones, oldest first (only when asked for).
    public let buckets: [ZoneBucket]

    public init(query: OccupancyQuery, zones: [ZoneOccupancy], buckets: [ZoneBucket] = []) {
        self.query = query
        self.zones = zones
        self.buckets = buckets
    }

    /// The end of the latest pass in the snapshot, nil when nothing was counted.
    public var latestUpdate: Date? {
        zones.compactMap { $0.observation?.periodEnd }.max()
    }
}
