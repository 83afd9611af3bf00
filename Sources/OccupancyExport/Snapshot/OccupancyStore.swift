import Enforcement
import Foundation
import GRDB

/// Reads occupancy snapshots from the database `parkscan scan` writes.
///
/// Every snapshot is read in one read transaction: on a WAL database (``ParkScanDatabase``
/// opens files as a `DatabasePool`) that is a consistent view while a scan commits. Only
/// finished passes are published (see ``OccupancySnapshot``).
public struct OccupancyStore: Sendable {
    /// The database.
    public let reader: any DatabaseReader
    /// The zones, as published in the DATEX II table.
    public let map: ZoneMap

    public init(reader: any DatabaseReader, map: ZoneMap) {
        self.reader = reader
        self.map = map
    }

    /// The latest observation of each selected zone (as of `query.at`), and with
    /// `includeBuckets` their time buckets, in one read transaction.
    public func snapshot(_ query: OccupancyQuery, includeBuckets: Bool = false) throws -> OccupancySnapshot {
        let zones = query.zones(in: map)
        return try reader.read { db in try Self.read(db, query: query, zones: zones, includeBuckets: includeBuckets) }
    }

    /// ``snapshot(_:includeBuckets:)`` without blocking the caller's thread (for the server).
    public func snapshot(_ query: OccupancyQuery, includeBuckets: Bool = false) async throws -> OccupancySnapshot {
        let zones = query.zones(in: map)
        return try await reader.read { db in try Self.read(db, query: query, zones: zones, includeBuckets: includeBuckets) }
    }

    private static func read(_ db: Database, query: OccupancyQuery, zones: [ParkingZone],
                             includeBuckets: Bool) throws -> OccupancySnapshot {
        var arguments: StatementArguments = []
        var filter = ""
        if let at = query.at {
            filter += " AND o.periodEnd <= ?"
            _ = arguments.append(contentsOf: [at])
        }
        if !query.zoneIDs.isEmpty {
            filter += " AND o.zone IN (" + Array(repeating: "?", count: query.zoneIDs.count).joined(separator: ",") + ")"
            _ = arguments.append(contentsOf: StatementArguments(query.zoneIDs))
        }
        // Only finished passes: the pipeline commits a pass in steps (sightings as their tracks
        // close) and sets `scanRun.passCount` in the step that ends it. SQLite takes the bare
        // columns of an aggregate query from the row holding the MAX(): one row per zone, the
        // latest finished pass.
        let latest = try Row.fetchAll(db, sql: """
            SELECT o.zone, o.scanRun, o.pass, o.periodStart, MAX(o.periodEnd) AS periodEnd, o.vehicles, o.resident,
                   o.paid, o.exempt, o.suspected, o.unread, o.unchecked, o.dwellSeconds, o.dwellCount
            FROM zoneOccupancy AS o JOIN scanRun AS r ON r.id = o.scanRun
            WHERE o.granularity = 'pass' AND o.pass <= r.passCount\(filter)
            GROUP BY o.zone
            """, arguments: arguments)
        var byZone: [String: ZoneObservation] = [:]
        for row in latest {
            byZone[row["zone"]] = try ZoneObservation(row: row)
        }
        var buckets: [ZoneBucket] = []
        if includeBuckets {
            // Buckets a pass in progress may have added to (those ending after it began) wait
            // until it is finished. Two scan runs counting one zone in the same bucket counted
            // the same cars: the fuller count is kept, not the sum.
            let rows = try Row.fetchAll(db, sql: """
                SELECT o.zone, o.periodStart, o.periodEnd, MAX(o.vehicles) AS vehicles, o.resident, o.paid, o.exempt,
                       o.suspected, o.unread, o.unchecked, o.dwellSeconds, o.dwellCount
                FROM zoneOccupancy AS o JOIN scanRun AS r ON r.id = o.scanRun
                WHERE o.granularity = 'bucket'\(filter)
                  AND NOT EXISTS (
                      SELECT 1 FROM zoneOccupancy AS running
                      WHERE running.scanRun = r.id AND running.granularity = 'pass' AND running.pass > r.passCount
                        AND running.periodStart < o.periodEnd)
                GROUP BY o.zone, o.periodStart
                """, arguments: arguments)
            let order = Dictionary(zones.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            buckets = try rows.map(ZoneBucket.init(row:)).filter { order[$0.zoneID] != nil }.sorted {
                ($0.periodStart, order[$0.zoneID]!) < ($1.periodStart, order[$1.zoneID]!)
            }
        }
        return OccupancySnapshot(query: query, zones: zones.map { ZoneOccupancy(zone: $0, observation: byZone[$0.id]) },
                                 buckets: buckets)
    }
}
