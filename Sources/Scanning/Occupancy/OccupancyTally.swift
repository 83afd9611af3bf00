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

    mutating func count(zone: String, at time: Date, status: VehicleStatus, dwell: TimeInterval? = nil) {
        let capacity = capacities[zone] ?? 0
        var row = passRows[zone] ?? ZoneOccupancyRecord(
            scanRun: scanRun, zone: zone, granularity: ZoneOccupancyRecord.pass, periodStart: passStart,
            periodEnd: passEnd, pass: pass, capacity: capacity, vehicles: 0)
        Self.add(status, dwell: dwell, to: &row)
        passRows[zone] = row
        let start = Date(timeIntervalSince1970: (time.timeIntervalSince1970 / bucket).rounded(.down) * bucket)
        var bucketRow = bucketRows[zone]?[start] ?? ZoneOccupancyRecord(
            scanRun: scanRun, zone: zone, granularity: ZoneOccupancyRecord.bucket, periodStart: start,
            periodEnd: start.addingTimeInterval(bucket), pass: nil, capacity: capacity, vehicles: 0)
        Self.add(status, dwell: dwell, to: &bucketRow)
        bucketRows[zone, default: [:]][start] = bucketRow
    }

    private static func add(_ status: VehicleStatus, dwell: TimeInterval?, to row: inout ZoneOccupancyRecord) {
        row.vehicles += 1
        switch status {
        case .resident: row.resident += 1
        case .paid: row.paid += 1
        case .exempt: row.exempt += 1
        case .suspected: row.suspected += 1
        case .unread: row.unread += 1
        case .unchecked: row.unchecked += 1
        }
        if let dwell {
            row.dwellSeconds += dwell
            row.dwellCount += 1
        }
    }

    /// Writes the pass rows, and adds the bucket rows to those earlier passes wrote.
    func save(in db: Database) throws {
        for zone in passRows.keys.sorted() { try passRows[zone]!.save(db) }
        for zone in bucketRows.keys.sorted() {
            for (start, row) in bucketRows[zone]!.sorted(by: { $0.key < $1.key }) {
                var merged = row
                if let old = try ZoneOccupancyRecord.fetchOne(db, key: [
                    "scanRun": scanRun, "zone": zone, "granularity": ZoneOccupancyRecord.bucket, "periodStart": start,
                ]) {
                    merged.vehicles += old.vehicles
                    merged.resident += old.resident
                    merged.paid += old.paid
                    merged.exempt += old.exempt
                    merged.suspected += old.suspected
                    merged.unread += old.unread
                    merged.unchecked += old.unchecked
                    merged.dwellSeconds += old.dwellSeconds
                    merged.dwellCount += old.dwellCount
                }
                try merged.save(db)
            }
        }
    }
}
