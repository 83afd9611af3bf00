import Foundation
import GRDB
import Scanning
import Testing
@testable import Review

@Suite struct ExportTests {
    @Test func exportWritesConfirmedCasesOnceWithVerifiedCopies() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let first = try fixture.addCase(plate: "HD-AB 1")
        let second = try fixture.addCase(plate: "HD-AB 2")
        let pending = try fixture.addCase(plate: "HD-AB 3")
        try fixture.desk().confirm(first)
        try fixture.desk().confirm(second)
        let out = fixture.folder.file("out")
        var export = FinesExport(database: fixture.database, location: fixture.location, reviewer: "office")
        export.now = { Date(timeIntervalSince1970: 1_762_400_000) }
        let result = try export.run(into: out)
        #expect(result.exported == [first, second])
        #expect(result.refused.isEmpty)
        let folder = try #require(result.folder)
        let csv = try String(contentsOfFile: folder + "/cases.csv", encoding: .utf8)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("case_id,plate,country,zone,rule"))
        #expect(lines[1].hasPrefix("\(first),HD-AB 1,D,roe-o-1,noResidentPermit"))
        #expect(!csv.contains("HD-AB 3"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/cases.json"))) as? [String: Any]
        let cases = try #require(json?["cases"] as? [[String: Any]])
        #expect(cases.count == 2)
        let files = try #require(cases[0]["evidence"] as? [[String: Any]])
        #expect(files.count == 4)
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + (file["path"] as? String ?? "")))
            #expect(EvidenceFile.sha256Hex(bytes) == file["sha256"] as? String)
        }
        #expect(try fixture.fetch(first)?.status == "exported")
        #expect(try fixture.fetch(pending)?.status == "pending_review")
        #expect(try fixture.auditEntries().filter { $0.action == "export" }.count == 2)
        // Again, a second later: nothing is exported twice.
        export.now = { Date(timeIntervalSince1970: 1_762_400_001) }
        let again = try export.run(into: out)
        #expect(again.exported.isEmpty)
        #expect(again.folder == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 1)
        #expect(try fixture.verify().isIntact)
    }

    @Test func aChangedEvidenceFileIsReportedAndItsCaseRefused() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let tampered = try fixture.addCase(plate: "HD-AB 1")
        let clean = try fixture.addCase(plate: "HD-AB 2")
        try fixture.desk().confirm(tampered)
        try fixture.desk().confirm(clean)
        let file = fixture.evidence + "/TEST/case-\(tampered)/2-plate.jpg"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: file))

        let dossier = try CaseDossier.load(tampered, location: fixture.location, from: fixture.database.writer)
        #expect(dossier.evidenceProblems.count == 1)
        #expect(dossier.evidenceProblems.first?.contains("2-plate.jpg: SHA-256 mismatch") == true)
        #expect(try CaseDossier.load(clean, location: fixture.location, from: fixture.database.writer).evidenceProblems.isEmpty)

        let result = try FinesExport(database: fixture.database, location: fixture.location, reviewer: "office")
            .run(into: fixture.folder.file("out"))
        #expect(result.exported == [clean])
        #expect(result.refused.map(\.id) == [tampered])
        #expect(try fixture.fetch(tampered)?.status == "confirmed")
        let folder = try #require(result.folder)
        #expect(!FileManager.default.fileExists(atPath: folder + "/case-\(tampered)"))
        #expect(try !String(contentsOfFile: folder + "/cases.csv", encoding: .utf8).contains("HD-AB 1"))
    }

    @Test func aMissingEvidenceFileIsReported() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 1")
        try FileManager.default.removeItem(atPath: fixture.evidence + "/TEST/case-\(id)/1-overview.jpg")
        let dossier = try CaseDossier.load(id, location: fixture.location, from: fixture.database.writer)
        #expect(dossier.evidenceProblems == [fixture.evidence + "/TEST/case-\(id)/1-overview.jpg: evidence file missing"])
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(ExportedCase.csvField("plain") == "plain")
        #expect(ExportedCase.csvField("a,b") == "\"a,b\"")
        #expect(ExportedCase.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ExportedCase.csvField("=HYPERLINK(1)") == "'=HYPERLINK(1)")
    }
}
