import Enforcement
import Foundation
import GRDB
import Review
import Scanning
import TestSupport

/// A fresh folder under the system's temporary directory.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("review-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The repository root and its shipped data (zone map, demo frames).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let zones = root.appendingPathComponent("Zones/demo-town")
    static let frame = root.appendingPathComponent("Fixtures/demo-frames/scene-00000.jpg")
    static let otherFrame = root.appendingPathComponent("Fixtures/demo-frames/scene-00001.jpg")

    /// The `parkscan` binary built beside the test bundle (`swift test` builds it too).
    static var parkscan: String? { builtProgram("parkscan") }
}

/// A review database with cases as a scan writes them: rows, two sightings, four evidence
/// files (real JPEGs, hashed by `EvidenceFile`), the scan's evidence folder recorded.
struct ReviewFixture {
    static let scanRun = "TEST@2025-11-04T09:00:00.000Z#1"
    /// Tuesday 2025-11-04, 10:12 Berlin: roe-o-1 (resident, W1, Mo-Sa 08-20) is enforced.
    static let firstSeen = Date(timeIntervalSince1970: 1_762_247_520)

    let folder: TemporaryFolder
    let database: ParkScanDatabase
    var databasePath: String { folder.file("review.sqlite") }
    var evidence: String { folder.file("evidence") }
    var location: EvidenceLocation { EvidenceLocation() }

    init() throws {
        folder = try TemporaryFolder()
        database = try ParkScanDatabase(path: folder.file("review.sqlite"))
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO scanRun (id, drivePath, vehicle, frameCount, evidenceFolder) VALUES (?, 'drive', 'SV-TEST', 10, ?)",
                           arguments: [Self.scanRun, folder.file("evidence")])
        }
    }

    /// Adds a pending case; returns its id.
    @discardableResult
    func addCase(plate: String, zone: String = "roe-o-1", rule: String = "noResidentPermit", firstSeen: Date = ReviewFixture.firstSeen,
                 minutes: Double = 88, confidence: Double = 0.3, country: String? = "D") throws -> Int64 {
        let overview = try Data(contentsOf: Repository.frame)
        let crop = try Data(contentsOf: Repository.otherFrame)
        return try database.writer.write { db in
            let lastSeen = firstSeen.addingTimeInterval(minutes * 60)
            try db.execute(sql: """
                INSERT INTO enforcementCase (scanRun, plate, country, zone, rule, detail, status, firstSeen, lastSeen)
                VALUES (?, ?, ?, ?, ?, ?, 'pending_review', ?, ?)
                """, arguments: [Self.scanRun, plate, country, zone, rule, "seen for \(Int(minutes)) min", firstSeen, lastSeen])
            let id = db.lastInsertedRowID
            for ordinal in 1...2 {
                try db.execute(sql: """
                    INSERT INTO caseSighting (caseId, ordinal, seenAt, camera, frame, latitude, longitude, confidence, agreement,
                                              readCount, alternatives)
                    VALUES (?, ?, ?, 'right', ?, 49.4045, 8.6840, ?, 0.6, 4, '[]')
                    """, arguments: [id, ordinal, ordinal == 1 ? firstSeen : lastSeen, "frames/right/\(ordinal).jpg",
                                     confidence + Double(ordinal) / 100])
                for (kind, bytes) in [("overview", overview), ("plate", crop)] {
                    let file = try EvidenceFile.write(bytes, kind: kind, path: "TEST/case-\(id)/\(ordinal)-\(kind).jpg", folder: evidence)
                    try db.execute(sql: "INSERT INTO caseEvidence (caseId, ordinal, kind, path, sha256, byteCount) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [id, ordinal, kind, file.path, file.sha256, file.byteCount])
                }
            }
            return id
        }
    }

    func desk(_ reviewer: String = "alice") -> ReviewDesk {
        ReviewDesk(database: database, reviewer: reviewer)
    }

    func recheck() throws -> PlateRecheck {
        PlateRecheck(rights: RightsStore(database: database), zones: try ZoneMap.load(folder: Repository.zones))
    }

    func fetch(_ id: Int64) throws -> ReviewedCase? {
        try database.writer.read { db in try ReviewedCase.fetchOne(db, key: id) }
    }

    func auditEntries() throws -> [AuditEntry] {
        try database.writer.read { db in try AuditTrail.entries(in: db) }
    }

    func verify() throws -> AuditReport {
        try database.writer.read { db in try AuditVerifier.verify(in: db) }
    }

    /// Every row of the case tables and the audit trail, to show that a refused command changed nothing.
    func snapshot() throws -> [String] {
        try database.writer.read { db in
            try ["enforcementCase", "caseSighting", "caseEvidence", "auditEntry", "auditHead"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table): \($0)" }
            }
        }
    }

    /// The bytes of the database file and its WAL.
    func databaseBytes() -> Data {
        ["", "-wal"].reduce(into: Data()) { bytes, suffix in
            bytes += (try? Data(contentsOf: URL(fileURLWithPath: databasePath + suffix))) ?? Data()
        }
    }
}

/// Runs a program that leaves a daemon behind (`tmux new-session -d`) and waits for it;
/// returns its exit status.
///
/// Not through Foundation's `Process`: on Linux it learns that a child ended from a socket the
/// child inherits, which the daemon keeps open, so it would wait forever. Here the program runs
/// with posix_spawn and waitpid, through bash (dash cannot close descriptors above 9) that first closes every inherited descriptor
/// above 2 (the test runner's pipes included) and points 0-2 at /dev/null.
func runDaemonizing(_ path: String, _ arguments: [String]) throws -> Int32 {
    let script = "for fd in $(ls /proc/$$/fd); do if [ \"$fd\" -gt 2 ]; then eval \"exec $fd>&-\"; fi; done 2>/dev/null; "
        + "exec \"$@\" </dev/null >/dev/null 2>&1"
    let argv = ["/bin/bash", "-c", script, "bash", path] + arguments
    var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cArguments.append(nil)
    defer { cArguments.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/bash", nil, nil, cArguments, environ)
    guard spawned == 0 else { throw ReviewError(.io, "\(path): cannot start: \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return (status >> 8) & 0xFF
}

/// The full path of a program on PATH, or nil.
func which(_ program: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

extension Data {
    func contains(text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}
