import Enforcement
import Foundation
import GRDB
import Scanning
import Testing
@testable import Review

@Suite struct DecisionTests {
    @Test func listFiltersByStatusZoneAndSince() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let early = try fixture.addCase(plate: "HD-AB 123")
        let later = try fixture.addCase(plate: "HD-CD 456", zone: "roe-w-1", firstSeen: ReviewFixture.firstSeen.addingTimeInterval(86400))
        let third = try fixture.addCase(plate: "HD-EF 789", firstSeen: ReviewFixture.firstSeen.addingTimeInterval(2 * 86400))
        try fixture.desk().confirm(third)
        func ids(_ filter: CaseFilter) throws -> [Int64] {
            try fixture.database.writer.read { db in try filter.summaries(in: db).map(\.case.id) }
        }
        #expect(try ids(CaseFilter()) == [early, later, third])
        #expect(try ids(CaseFilter(status: .pendingReview)) == [early, later])
        #expect(try ids(CaseFilter(status: .confirmed)) == [third])
        #expect(try ids(CaseFilter(zone: "roe-w-1")) == [later])
        #expect(try ids(CaseFilter(since: ReviewFixture.firstSeen.addingTimeInterval(86400))) == [later, third])
        let summary = try fixture.database.writer.read { db in try CaseFilter(zone: "roe-w-1").summaries(in: db) }
        #expect(summary.first?.readConfidence == 0.31)
        #expect(try ReviewTime.parse("2025-11-04T10:12") == ReviewFixture.firstSeen)
        #expect(throws: ReviewError.self) { try ReviewTime.parse("yesterday-ish") }
        #expect(throws: ReviewError.self) { try CaseStatus(parsing: "done") }
    }

    @Test func confirmRecordsTheReviewerAndAnAuditEntry() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 123")
        var desk = fixture.desk("alice")
        desk.now = { Date(timeIntervalSince1970: 1_762_300_000) }
        let confirmed = try desk.confirm(id)
        #expect(confirmed.status == "confirmed")
        #expect(confirmed.reviewer == "alice")
        #expect(confirmed.reviewedAt == Date(timeIntervalSince1970: 1_762_300_000))
        #expect(confirmed.revision == 1)
        let entries = try fixture.auditEntries()
        #expect(entries.count == 1)
        #expect(entries[0].action == "confirm" && entries[0].reviewer == "alice" && entries[0].caseId == id)
        #expect(entries[0].decodedPayload?.before?["status"] == "pending_review")
        #expect(entries[0].decodedPayload?.after?["status"] == "confirmed")
        #expect(entries[0].previousHash == AuditEntry.genesisHash)
        #expect(try fixture.verify().isIntact)
    }

    @Test func rejectTakesOnlyListedReasonsAndOtherNeedsANote() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 123")
        #expect(throws: ReviewError.self) { try RejectionReason(parsing: "looked fine") }
        #expect(try RejectionReason(parsing: "disc-valid") == .discVisibleAndValid)
        #expect(try RejectionReason(parsing: "valid permit visible") == .validPermitVisible)
        let before = try fixture.snapshot()
        let noNote = #expect(throws: ReviewError.self) { try fixture.desk().reject(id, reason: .other) }
        #expect(noNote?.message.contains("--note") == true)
        #expect(try fixture.snapshot() == before)
        let rejected = try fixture.desk().reject(id, reason: .other, note: "hearse at a funeral")
        #expect(rejected.status == "rejected" && rejected.rejectionReason == "other" && rejected.reviewNote == "hearse at a funeral")
    }

    @Test func unknownCasesAndClosedCasesAreRefusedAndNothingChanges() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 123")
        try fixture.desk("alice").reject(id, reason: .loading)
        let before = try fixture.snapshot()
        let unknown = #expect(throws: ReviewError.self) { try fixture.desk().confirm(999) }
        #expect(unknown?.code == .unknownCase)
        #expect(unknown?.message.contains("case 999") == true)
        let closed = #expect(throws: ReviewError.self) { try fixture.desk("bob").confirm(id) }
        #expect(closed?.code == .caseClosed)
        #expect(closed?.message.contains("rejected by alice") == true)
        #expect(throws: ReviewError.self) { try fixture.desk("bob").reject(id, reason: .misreadPlate) }
        #expect(throws: ReviewError.self) { try fixture.desk("bob").correct(id, plate: "HD-XY 1", recheck: fixture.recheck()) }
        #expect(try fixture.snapshot() == before)
    }

    @Test func twoReviewersOnOneCaseTheFirstDecisionStands() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 123")
        // Two reviewers, two connections (as two processes would have).
        let other = try ParkScanDatabase(path: fixture.databasePath)
        let alice = fixture.desk("alice")
        let bob = ReviewDesk(database: other, reviewer: "bob")
        let seen = try #require(try fixture.fetch(id)).revision
        try alice.confirm(id, seenRevision: seen)
        let conflict = #expect(throws: ReviewError.self) { try bob.reject(id, reason: .misreadPlate, seenRevision: seen) }
        #expect(conflict?.code == .conflict)
        #expect(conflict?.message.contains("confirmed by alice") == true)
        #expect(conflict?.message.contains("not recorded") == true)
        let stored = try #require(try fixture.fetch(id))
        #expect(stored.status == "confirmed" && stored.reviewer == "alice" && stored.rejectionReason == nil)
        #expect(try fixture.auditEntries().count == 1)
    }

    @Test func aCorrectedPlateWithARightClosesTheCaseAsRejected() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 128")
        let permitHolder = try PlateKey(parsing: "HD-AB 123", grammar: ReaderPlateGrammar())
        try fixture.database.writer.write { db in
            try ResidentPermit(reference: "P-1", plate: permitHolder, areas: ["W1"], validFrom: ReviewFixture.firstSeen.addingTimeInterval(-86400 * 30),
                               validTo: ReviewFixture.firstSeen.addingTimeInterval(86400 * 300)).insert(db)
        }
        let corrected = try fixture.desk().correct(id, plate: "HD-AB 123", recheck: fixture.recheck())
        #expect(corrected.status == "rejected")
        #expect(corrected.plate == "HD-AB 123")
        #expect(corrected.originalPlate == "HD-AB 128")
        #expect(corrected.rejectionReason == RejectionReason.validPermitVisible.rawValue)
        #expect(corrected.reviewNote?.contains("resident permit for area W1") == true)
        let entry = try #require(try fixture.auditEntries().last)
        #expect(entry.action == "correct")
        #expect(entry.decodedPayload?.before?["plate"] == "HD-AB 128")
        #expect(entry.decodedPayload?.after?["plate"] == "HD-AB 123")
        #expect(entry.decodedPayload?.after?["status"] == "rejected")
    }

    @Test func aCorrectedPlateWithoutARightStaysPending() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 128")
        // A permit for another area is no right in roe-o-1 (W1).
        let holder = try PlateKey(parsing: "HD-AB 123", grammar: ReaderPlateGrammar())
        try fixture.database.writer.write { db in
            try ResidentPermit(reference: "P-2", plate: holder, areas: ["W9"], validFrom: ReviewFixture.firstSeen.addingTimeInterval(-86400),
                               validTo: ReviewFixture.firstSeen.addingTimeInterval(86400)).insert(db)
        }
        let corrected = try fixture.desk().correct(id, plate: "hd-ab 123", recheck: fixture.recheck())
        #expect(corrected.status == "pending_review")
        #expect(corrected.plate == "HD-AB 123")
        #expect(corrected.originalPlate == "HD-AB 128")
        let bad = #expect(throws: ReviewError.self) { try fixture.desk().correct(id, plate: "12345", recheck: fixture.recheck()) }
        #expect(bad?.message.contains("case \(id)") == true)
        // The reviewer then confirms under the corrected plate.
        #expect(try fixture.desk().confirm(id).plate == "HD-AB 123")
    }
}
