import Enforcement
import Foundation
import GRDB
import OccupancyExport

/// A fresh ParkScan database in a temporary folder with the demo town's zones, and helpers to
/// write `zoneOccupancy` rows the way the scan pipeline does (one transaction per pass).
struct OccupancyFixture {
    let folder: String
    let databasePath: String
    let database: ParkScanDatabase
    let map: ZoneMap

    /// The package's root folder (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init(map: ZoneMap? = nil) throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("occupancy-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        databasePath = (folder as NSString).appendingPathComponent("parkscan.sqlite")
        database = try ParkScanDatabase(path: databasePath)
        self.map = try map ?? Self.demoTown()
    }

    static func demoTown() throws -> ZoneMap {
        try ZoneMap.load(folder: packageRoot.appendingPathComponent("Zones/demo-town"))
    }

    var store: OccupancyStore { OccupancyStore(reader: database.writer, map: map) }
    var exporter: OccupancyExporter { OccupancyExporter(store: store) }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes one pass as the pipeline does: a `pass` row per zone in `vehicles` and the
    /// matching 15-minute bucket rows, then `scanRun.passCount` (the pass is finished). With
    /// `inSteps` each zone is committed in its own transaction and the pass is finished in a
    /// last one, like a scan committing sightings as their tracks close; with `finish` false
    /// the pass stays in progress.
    func commitPass(scanRun: String = "run-1", number: Int, start: Date, end: Date, vehicles: [String: Int],
                    suspected: [String: Int] = [:], inSteps: Bool = false, finish: Bool = true) throws {
        let rows = vehicles.sorted(by: { $0.key < $1.key })
        func write(_ part: ArraySlice<(key: String, value: Int)>, finishing: Bool) throws {
            try database.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO scanRun (id, drivePath, vehicle, frameCount) VALUES (?, 'test-drive', 'test-vehicle', 0)
                    ON CONFLICT(id) DO NOTHING
                    """, arguments: [scanRun])
                for (zone, count) in part {
                    let capacity = map.zone(id: zone)?.capacity ?? 0
                    try Self.insert(db, scanRun: scanRun, zone: zone, granularity: "pass", start: start, end: end, pass: number,
                                    vehicles: count, suspected: suspected[zone] ?? 0, capacity: capacity)
                    let bucketStart = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / 900).rounded(.down) * 900)
                    try Self.insert(db, scanRun: scanRun, zone: zone, granularity: "bucket", start: bucketStart,
                                    end: bucketStart.addingTimeInterval(900), pass: nil, vehicles: count,
                                    suspected: suspected[zone] ?? 0, capacity: capacity)
                }
                if finishing {
                    try db.execute(sql: "UPDATE scanRun SET passCount = ? WHERE id = ?", arguments: [number, scanRun])
                }
            }
        }
        if inSteps {
            for index in rows.indices { try write(rows[index...index], finishing: false) }
            if finish { try write([], finishing: true) }
        } else {
            try write(rows[...], finishing: finish)
        }
    }

    static func insert(_ db: Database, scanRun: String, zone: String, granularity: String, start: Date, end: Date,
                       pass: Int?, vehicles: Int, suspected: Int = 0, capacity: Int) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO zoneOccupancy (scanRun, zone, granularity, periodStart, periodEnd, pass, capacity,
                vehicles, resident, paid, exempt, suspected, unread, unchecked, dwellSeconds, dwellCount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, 0, ?, ?)
            """, arguments: [scanRun, zone, granularity, start, end, pass, capacity, vehicles,
                             max(0, vehicles - suspected), suspected, suspected > 0 ? 1200.0 * Double(suspected) : 0, suspected])
    }
}

/// A Berlin wall-clock time on 4 November 2025 (CET, UTC+1).
func november4(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .europeBerlin
    return calendar.date(from: DateComponents(year: 2025, month: 11, day: 4, hour: hour, minute: minute, second: second))!
}
