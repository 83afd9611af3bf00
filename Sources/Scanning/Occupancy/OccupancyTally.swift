import Enforcement
import Foundation
import GRDB

/// The status a counted vehicle is in.
public enum VehicleStatus: Sendable, Hashable {
    case resident, paid, exempt, suspected, unread, unchecked

    init(_ reason: ComplianceReason) {
        switch reason {
        case .paidSession, .paidSessionGrace: self = .paid
        case .residentPermit: self = .resident
        case .exemption: self = .exempt
        }
    }
}

/// Counts the vehicles of one pass per zone, and per zone and time bucket.
struct OccupancyTally {
    let scanRun: String
    let pass: Int
    let passStart: Date
    let passEnd: Date
    let bucket: TimeInterval
    let capacities: [String: Int]
    private(set) var passRows: [String: ZoneOccupancyRecord] = [:]
    private(set) var bucketRows: [String: [Date: ZoneOccupancyRecord]] = [:]

    init(scanRun: String, pass: Int, passStart: Date, passEnd: Date, bucket: TimeInterval, zones: ZoneMap) {
        self.scanRun = scanRun
        self.pass = pass
        self.passStart = passStart
        self.passEnd = passEnd
        self.bucket = bucket
        self.capacities = Dictionary(zones.zones.map { ($0.id, $0.capacity) }, uniquingKeysWith: { a, _ in a })
    }

    /// The start of the time bucket `time` falls in.
    static func bucketStart(of time: Date, bucket: TimeInterval) -> Date {
        Date(timeIntervalSince1970: (time.timeIntervalSince1970 / bucket).rounded(.down) * bucket)
    }

    mutating func count(zone: String, at time: Date, status: VehicleStatus, dwell: TimeInterval? = nil) {
        var row = passRow(zone)
        Self.add(status, dwell: dwell, to: &row)
        passRows[zone] = row
        let start = Self.bucketStart(of: time, bucket: bucket)
        var bucketRow = bucketRow(zone, start: start)
        Self.add(status, dwell: dwell, to: &bucketRow)
        bucketRows[zone, default: [:]][start] = bucketRow
    }

    /// Takes back a vehicle counted with `status` at `time` (in this step or an earlier one:
    /// rows are added to the saved ones).
    mutating func uncount(zone: String, at time: Date, status: VehicleStatus) {
        var row = passRow(zone)
        Self.add(status, dwell: nil, to: &row, sign: -1)
        passRows[zone] = row
        let start = Self.bucketStart(of: time, bucket: bucket)
        var bucketRow = bucketRow(zone, start: start)
        Self.add(status, dwell: nil, to: &bucketRow, sign: -1)
        bucketRows[zone, default: [:]][start] = bucketRow
    }

    /// Notes that the cameras looked at `zone` in the buckets starting at `starts`: the zone
    /// gets its rows even when no car stands there (an empty zone is a count of 0, not an
    /// unknown; otherwise its last non-zero count would stand).
    mutating func cover(zone: String, buckets starts: Set<Date>) {
        passRows[zone] = passRow(zone)
        for start in starts { bucketRows[zone, default: [:]][start] = bucketRow(zone, start: start) }
    }

    private func passRow(_ zone: String) -> ZoneOccupancyRecord {
        passRows[zone] ?? ZoneOccupancyRecord(
            scanRun: scanRun, zone: zone, granularity: ZoneOccupancyRecord.pass, periodStart: passStart,
            periodEnd: passEnd, pass: pass, capacity: capacities[zone] ?? 0, vehicles: 0)
    }

    private func bucketRow(_ zone: String, start: Date) -> ZoneOccupancyRecord {
        bucketRows[zone]?[start] ?? ZoneOccupancyRecord(
            scanRun: scanRun, zone: zone, granularity: ZoneOccupancyRecord.bucket, periodStart: start,
            periodEnd: start.addingTimeInterval(bucket), pass: nil, capacity: capacities[zone] ?? 0, vehicles: 0)
    }

    private static func add(_ status: VehicleStatus, dwell: TimeInterval?, to row: inout ZoneOccupancyRecord, sign: Int = 1) {
        row.vehicles += sign
        switch status {
        case .resident: row.resident += sign
        case .paid: row.paid += sign
        case .exempt: row.exempt += sign
        case .suspected: row.suspected += sign
        case .unread: row.unread += sign
        case .unchecked: row.unchecked += sign
        }
        if let dwell {
            row.dwellSeconds += dwell
            row.dwellCount += 1
        }
    }

    /// Adds the pass and bucket rows to those earlier commits wrote (a pass is committed in
    /// steps, a bucket spans passes). A pass row ends at the pass's latest frame so far.
    func save(in db: Database) throws {
        for zone in passRows.keys.sorted() {
            try Self.merged(passRows[zone]!, key: ["scanRun": scanRun, "zone": zone, "granularity": ZoneOccupancyRecord.pass,
                                                  "periodStart": passStart], in: db).save(db)
        }
        for zone in bucketRows.keys.sorted() {
            for (start, row) in bucketRows[zone]!.sorted(by: { $0.key < $1.key }) {
                var merged = try Self.merged(row, key: ["scanRun": scanRun, "zone": zone, "granularity": ZoneOccupancyRecord.bucket,
                                                        "periodStart": start], in: db)
                merged.periodEnd = row.periodEnd
                try merged.save(db)
            }
        }
    }

    /// At the end of the pass: every row of the pass ends at its last frame, also those of
    /// zones no car was counted in since an earlier step.
    func closePass(in db: Database) throws {
        try db.execute(sql: "UPDATE zoneOccupancy SET periodEnd = ? WHERE scanRun = ? AND granularity = ? AND pass = ?",
                       arguments: [passEnd, scanRun, ZoneOccupancyRecord.pass, pass])
    }

    private static func merged(_ row: ZoneOccupancyRecord, key: [String: (any DatabaseValueConvertible)?],
                               in db: Database) throws -> ZoneOccupancyRecord {
        var merged = row
        guard let old = try ZoneOccupancyRecord.fetchOne(db, key: key) else { return merged }
        merged.vehicles += old.vehicles
        merged.resident += old.resident
        merged.paid += old.paid
        merged.exempt += old.exempt
        merged.suspected += old.suspected
        merged.unread += old.unread
        merged.unchecked += old.unchecked
        merged.dwellSeconds += old.dwellSeconds
        merged.dwellCount += old.dwellCount
        return merged
    }
}
