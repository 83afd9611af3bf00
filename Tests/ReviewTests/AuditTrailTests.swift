import Foundation
import GRDB
import TestSupport
import Testing
@testable import Review

/// The audit trail detects any edit, deletion or reordering of past entries and names where.
@Suite struct AuditTrailTests {
    /// A trail of five decisions on five cases.
    static func trail() throws -> ReviewFixture {
        let fixture = try ReviewFixture()
        for index in 1...5 { try fixture.addCase(plate: "HD-AB \(index)") }
        try fixture.desk("alice").confirm(1)
        try fixture.desk("bob").reject(2, reason: .loading)
        try fixture.desk("alice").confirm(3)
        try fixture.desk("carol").reject(4, reason: .disabledBadge)
        try fixture.desk("alice").confirm(5)
        return fixture
    }

    @Test func anUntouchedTrailVerifies() throws {
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        let report = try fixture.verify()
        #expect(report.isIntact)
        #expect(report.entryCount == 5)
        let entries = try fixture.auditEntries()
        #expect(report.headHash == entries.last?.entryHash)
        for (earlier, later) in zip(entries, entries.dropFirst()) { #expect(later.previousHash == earlier.entryHash) }
    }

    @Test func anEditedEntryIsFoundAtItsNumber() throws {
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        try fixture.database.writer.write { db in try db.execute(sql: "UPDATE auditEntry SET reviewer = 'mallory' WHERE sequence = 3") }
        let report = try fixture.verify()
        #expect(report.problems.first?.sequence == 3)
        #expect(report.problems.first?.kind == .edited)
        #expect(report.problems.count == 1)
    }

    @Test func anEditedPayloadIsFound() throws {
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        try fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE auditEntry SET payload = replace(payload, 'confirmed', 'rejected') WHERE sequence = 1")
        }
        let report = try fixture.verify()
        #expect(report.problems.first?.sequence == 1)
        #expect(report.problems.first?.kind == .edited)
    }

    @Test func anEditedAndRehashedEntryBreaksTheLinkToItsSuccessor() throws {
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        try fixture.database.writer.write { db in
            var entry = try #require(try AuditEntry.fetchOne(db, key: 2))
            entry.reviewer = "mallory"
            entry.entryHash = entry.computedHash(asSequence: 2)
            try entry.update(db)
        }
        let report = try fixture.verify()
        #expect(report.problems.first?.sequence == 2)
        #expect(report.problems.first?.kind == .edited)
    }

    @Test func aDeletedEntryIsFoundAtItsNumber() throws {
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        try fixture.database.writer.write { db in try db.execute(sql: "DELETE FROM auditEntry WHERE sequence = 2") }
        let report = try fixture.verify()
        #expect(report.problems.first?.sequence == 2)
        #expect(report.problems.first?.kind == .missing)
        #expect(report.problems.first?.message.contains("from 1 to 3") == true)
    }

    @Test func aDeletedLastEntryIsFoundThroughTheHead() throws {
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        try fixture.database.writer.write { db in try db.execute(sql: "DELETE FROM auditEntry WHERE sequence = 5") }
        let report = try fixture.verify()
        #expect(report.problems.first?.sequence == 5)
        #expect(report.problems.first?.kind == .missing)
    }

    @Test func reorderedEntriesAreFoundAtTheFirstMovedNumber() throws {
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        // Swap entries 3 and 4 (their numbers), as an edit of the table would.
        try fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE auditEntry SET sequence = -3 WHERE sequence = 3")
            try db.execute(sql: "UPDATE auditEntry SET sequence = 3 WHERE sequence = 4")
            try db.execute(sql: "UPDATE auditEntry SET sequence = 4 WHERE sequence = -3")
        }
        let report = try fixture.verify()
        #expect(report.problems.first?.sequence == 3)
        #expect(report.problems.first?.kind == .reordered)
        #expect(report.problems.first?.message.contains("written as number 4") == true)
        #expect(report.problems.contains { $0.sequence == 4 && $0.kind == .reordered })
    }

    @Test func theVerifyCommandNamesTheBrokenEntryAndFails() throws {
        guard let parkscan = Repository.parkscan else {
            Issue.record("parkscan binary not found beside the tests")
            return
        }
        let fixture = try Self.trail()
        defer { fixture.folder.remove() }
        let intact = try runProgram(parkscan, ["review", "audit", "verify", "--db", fixture.databasePath])
        #expect(intact.status == 0)
        #expect(intact.output.contains("intact: 5 entries"))
        try fixture.database.writer.write { db in try db.execute(sql: "DELETE FROM auditEntry WHERE sequence = 4") }
        let broken = try runProgram(parkscan, ["review", "audit", "verify", "--db", fixture.databasePath])
        #expect(broken.status == 2)
        #expect(broken.output.contains("first at entry 4"))
        #expect(broken.output.contains("missing"))
    }
}
