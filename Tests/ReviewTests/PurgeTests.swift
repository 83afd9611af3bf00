import Foundation
import GRDB
import Testing
@testable import Review

@Suite struct PurgeTests {
    /// Now: 40 days after the fixture's sightings.
    static let now = ReviewFixture.firstSeen.addingTimeInterval(40 * 86400)

    func purge(_ fixture: ReviewFixture) -> CasePurge {
        var purge = CasePurge(database: fixture.database, location: fixture.location, settings: RetentionSettings(), reviewer: "dpo")
        purge.now = { Self.now }
        return purge
    }

    @Test func aDryRunNamesWhatIsDueAndChangesNothing() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let old = try fixture.addCase(plate: "HD-OLD 1")
        let recent = try fixture.addCase(plate: "HD-NEW 2", firstSeen: Self.now.addingTimeInterval(-86400))
        let rejected = try fixture.addCase(plate: "HD-REJ 3", firstSeen: Self.now.addingTimeInterval(-3600))
        var desk = fixture.desk()
        desk.now = { Self.now.addingTimeInterval(-60) }
        try desk.reject(rejected, reason: .misreadPlate)
        let before = try fixture.snapshot()
        let result = try purge(fixture).dryRun()
        #expect(result.cases.map(\.id) == [old, rejected])
        #expect(result.count(.pendingReview) == 1 && result.count(.rejected) == 1)
        #expect(result.cases.first?.files.count == 4)
        #expect(try fixture.snapshot() == before)
        for file in result.cases.flatMap(\.files) { #expect(FileManager.default.fileExists(atPath: file)) }
        #expect(try fixture.fetch(recent) != nil)
    }

    @Test func aPurgeDeletesRowsAndFilesAndRecordsItWithoutPlates() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let old = try fixture.addCase(plate: "HD-OLD 1")
        let kept = try fixture.addCase(plate: "HD-NEW 2", firstSeen: Self.now.addingTimeInterval(-86400))
        let rejected = try fixture.addCase(plate: "HD-REJ 3", firstSeen: Self.now.addingTimeInterval(-3600))
        var desk = fixture.desk()
        desk.now = { Self.now.addingTimeInterval(-60) }
        try desk.reject(rejected, reason: .misreadPlate)
        let files = try purge(fixture).dryRun().cases.flatMap(\.files)
        #expect(files.count == 8)

        let result = try purge(fixture).run()
        #expect(result.failures.isEmpty)
        #expect(Set(result.cases.map(\.id)) == [old, rejected])
        #expect(try fixture.fetch(old) == nil)
        #expect(try fixture.fetch(rejected) == nil)
        #expect(try fixture.fetch(kept) != nil)
        for file in files { #expect(!FileManager.default.fileExists(atPath: file)) }
        #expect(!FileManager.default.fileExists(atPath: fixture.evidence + "/TEST/case-\(old)"))
        let remaining = try fixture.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM caseEvidence WHERE caseId IN (?, ?)", arguments: [old, rejected])
        }
        #expect(remaining == 0)

        let entries = try fixture.auditEntries()
        let entry = try #require(entries.last)
        #expect(entry.action == "purge" && entry.caseId == nil && entry.reviewer == "dpo")
        #expect(entry.decodedPayload?.after?["cases"] == "\(old),\(rejected)")
        #expect(entry.decodedPayload?.after?["rejected"] == "1")
        for plate in ["HD-OLD 1", "HD-REJ 3"] {
            #expect(!(entry.payload ?? "").contains(plate))
            #expect(!entries.contains { ($0.payload ?? "").contains(plate) }, "\(plate) still in the audit trail")
            #expect(!fixture.databaseBytes().contains(text: plate), "\(plate) still in the database file or WAL")
        }
        #expect(fixture.databaseBytes().contains(text: "HD-NEW 2"))
        // Erased payloads are covered by the purge entry: the trail still verifies.
        #expect(try fixture.verify().isIntact)
        // Nothing left to do.
        #expect(try purge(fixture).dryRun().cases.isEmpty)
    }

    @Test func exportedCasesStayForTheFinesPeriod() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-EXP 1")
        try fixture.desk().confirm(id)
        var export = FinesExport(database: fixture.database, location: fixture.location, reviewer: "office")
        export.now = { Self.now.addingTimeInterval(-10 * 86400) }
        #expect(try export.run(into: fixture.folder.file("out")).exported == [id])
        #expect(try purge(fixture).dryRun().cases.isEmpty)
        var later = purge(fixture)
        later.now = { Self.now.addingTimeInterval(81 * 86400) }
        #expect(try later.dryRun().cases.map(\.id) == [id])
    }

    @Test func secureEraseOverwritesAndRemovesAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("plate.jpg")
        try Data(repeating: 0xAB, count: 200_000).write(to: URL(fileURLWithPath: file))
        try SecureErase.erase(file)
        #expect(!FileManager.default.fileExists(atPath: file))
        try SecureErase.erase(file) // already gone: fine
    }
}
