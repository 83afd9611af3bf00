import Enforcement
import Foundation
import GRDB
import Synchronization
import TestSupport
import Testing
@testable import Review

/// One scanner writing cases and a few reviewers deciding them, on one database file, each
/// with its own connection pool (as separate processes have): no "database is locked".
@Suite struct ConcurrencyTests {
    @Test func reviewersWorkWhileAScanWrites() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let failures = Mutex<[String]>([])
        let decided = Mutex(0)
        let scanning = Mutex(true)
        let casesToWrite = 30
        let path = fixture.databasePath

        let scanner = Thread {
            do {
                let scan = try ParkScanDatabase(path: path)
                for index in 0..<casesToWrite {
                    // A pass commit: the transaction stays open while "evidence is rendered".
                    try scan.writer.write { db in
                        try db.execute(sql: """
                            INSERT INTO enforcementCase (scanRun, plate, zone, rule, detail, firstSeen, lastSeen)
                            VALUES (?, ?, 'roe-o-1', 'noResidentPermit', 'concurrent', ?, ?)
                            """, arguments: [ReviewFixture.scanRun, "HD-CC \(index + 1)", ReviewFixture.firstSeen,
                                             ReviewFixture.firstSeen.addingTimeInterval(Double(index))])
                        usleep(30_000)
                    }
                    usleep(5_000)
                }
            } catch {
                failures.withLock { $0.append("scanner: \(error)") }
            }
            scanning.withLock { $0 = false }
        }
        var reviewers: [Thread] = []
        for name in ["alice", "bob", "carol"] {
            reviewers.append(Thread {
                do {
                    let database = try ParkScanDatabase(path: path)
                    let desk = ReviewDesk(database: database, reviewer: name)
                    while true {
                        let stillScanning = scanning.withLock { $0 }
                        let pending = try database.writer.read { db in
                            try CaseFilter(status: .pendingReview).summaries(in: db).map { ($0.case.id, $0.case.revision) }
                        }
                        if pending.isEmpty, !stillScanning { break }
                        for (id, revision) in pending.prefix(2) {
                            do {
                                if id % 2 == 0 { try desk.confirm(id, seenRevision: revision) } else {
                                    try desk.reject(id, reason: .misreadPlate, seenRevision: revision)
                                }
                                decided.withLock { $0 += 1 }
                            } catch let error as ReviewError where error.code == .conflict || error.code == .caseClosed {
                                // Another reviewer was first: expected.
                            }
                        }
                        usleep(2_000)
                    }
                } catch {
                    failures.withLock { $0.append("\(name): \(error)") }
                }
            })
        }
        scanner.start()
        reviewers.forEach { $0.start() }
        let deadline = Date().addingTimeInterval(120)
        while (scanning.withLock { $0 } || reviewers.contains { $0.isExecuting }) && Date() < deadline {
            usleep(20_000)
            if !scanning.withLock({ $0 }), !reviewers.contains(where: { $0.isExecuting || !$0.isFinished }) { break }
        }
        while reviewers.contains(where: { !$0.isFinished }) && Date() < deadline { usleep(20_000) }

        #expect(failures.withLock { $0 } == [])
        #expect(!failures.withLock { $0 }.joined().contains("locked"))
        #expect(decided.withLock { $0 } == casesToWrite, "every case decided exactly once")
        let statuses = try fixture.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT status FROM enforcementCase")
        }
        #expect(statuses.count == casesToWrite)
        #expect(!statuses.contains("pending_review"))
        let report = try fixture.verify()
        #expect(report.isIntact)
        #expect(report.entryCount == casesToWrite)
    }

    @Test func reviewProcessesWorkWhileAScanWrites() throws {
        guard let parkscan = Repository.parkscan else {
            Issue.record("parkscan binary not found beside the tests")
            return
        }
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        for index in 1...6 { try fixture.addCase(plate: "HD-PR \(index)") }
        let failures = Mutex<[String]>([])
        let done = Mutex(false)
        let writer = Thread {
            do {
                let scan = try ParkScanDatabase(path: fixture.databasePath)
                for index in 0..<20 {
                    try scan.writer.write { db in
                        try db.execute(sql: """
                            INSERT INTO enforcementCase (scanRun, plate, zone, rule, detail, firstSeen, lastSeen)
                            VALUES (?, ?, 'roe-o-1', 'noResidentPermit', 'concurrent', ?, ?)
                            """, arguments: [ReviewFixture.scanRun, "HD-WR \(index + 1)", ReviewFixture.firstSeen,
                                             ReviewFixture.firstSeen.addingTimeInterval(Double(index))])
                        usleep(50_000)
                    }
                }
            } catch {
                failures.withLock { $0.append("scanner: \(error)") }
            }
            done.withLock { $0 = true }
        }
        writer.start()
        // Two reviewer processes at once, each deciding three cases, while the scanner writes.
        let group = DispatchGroup()
        for (reviewer, ids) in [("alice", [1, 2, 3]), ("bob", [4, 5, 6])] {
            group.enter()
            Thread {
                for id in ids {
                    do {
                        let run = try runProgram(parkscan, ["review", "confirm", "\(id)", "--db", fixture.databasePath, "--reviewer", reviewer])
                        if run.status != 0 { failures.withLock { $0.append("\(reviewer) case \(id): \(run.error)") } }
                        let list = try runProgram(parkscan, ["review", "list", "--db", fixture.databasePath])
                        if list.status != 0 { failures.withLock { $0.append("list: \(list.error)") } }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        while !done.withLock({ $0 }) { usleep(20_000) }
        #expect(failures.withLock { $0 } == [])
        let confirmed = try fixture.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enforcementCase WHERE status = 'confirmed'")
        }
        #expect(confirmed == 6)
        #expect(try fixture.verify().entryCount == 6)
    }
}
