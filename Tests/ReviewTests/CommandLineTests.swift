import Foundation
import GRDB
import TestSupport
import Testing
@testable import Review

/// The `parkscan review` commands as a person runs them: output, exit status, nothing
/// changed on bad input. Needs the `parkscan` binary `swift test` builds beside the tests.
@Suite struct CommandLineTests {
    static func parkscan() throws -> String {
        try #require(Repository.parkscan, "parkscan binary not found beside the tests (run `swift build` first)")
    }

    @Test func showPrintsTheCaseAsJSONWithCheckedEvidence() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 1")
        let run = try runProgram(try Self.parkscan(), ["review", "show", "\(id)", "--json", "--db", fixture.databasePath])
        #expect(run.status == 0, "\(run.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["plate"] as? String == "HD-AB 1")
        #expect(object["status"] as? String == "pending_review")
        #expect(object["zone"] as? String == "roe-o-1")
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(evidence.count == 4)
        #expect(evidence.allSatisfy { $0["intact"] as? Bool == true })
        #expect(evidence.contains { $0["file"] as? String == fixture.evidence + "/TEST/case-\(id)/1-plate.jpg" })
        #expect((object["sightings"] as? [Any])?.count == 2)
    }

    @Test func showReportsAChangedEvidenceFileAndFails() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 1")
        try Data("not the photo".utf8).write(to: URL(fileURLWithPath: fixture.evidence + "/TEST/case-\(id)/1-overview.jpg"))
        let run = try runProgram(try Self.parkscan(), ["review", "show", "\(id)", "--db", fixture.databasePath])
        #expect(run.status == 2)
        #expect(run.output.contains("SHA-256 MISMATCH"))
        #expect(run.error.contains("1-overview.jpg: SHA-256 mismatch"))
    }

    @Test func badInputGivesAMessageAFailureAndChangesNothing() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 1")
        let closed = try fixture.addCase(plate: "HD-AB 2")
        try fixture.desk("alice").confirm(closed)
        let before = try fixture.snapshot()
        let db = ["--db", fixture.databasePath, "--reviewer", "bob"]
        let cases: [([String], String)] = [
            (["review", "confirm", "4711"], "case 4711: no such case"),
            (["review", "confirm", "abc"], "\"abc\" is not a case id"),
            (["review", "reject", "\(id)", "--reason", "looked-ok"], "allowed: misread-plate, valid-permit"),
            (["review", "reject", "\(closed)", "--reason", "loading"], "case \(closed) was already decided: confirmed by alice"),
            (["review", "correct", "\(id)", "--plate", "!!", "--zones", Repository.zones.path], "contains \"!\""),
            (["review", "list", "--status", "open"], "allowed: pending_review, confirmed"),
            (["review", "list", "--since", "last tuesday"], "time \"last tuesday\""),
        ]
        for (arguments, message) in cases {
            let run = try runProgram(try Self.parkscan(), arguments + db)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.error.contains(message), "\(arguments): \(run.error)")
        }
        let missing = try runProgram(try Self.parkscan(), ["review", "list", "--db", fixture.file("nope.sqlite")])
        #expect(missing.status != 0 && missing.error.contains("no such database"))
        #expect(!FileManager.default.fileExists(atPath: fixture.file("nope.sqlite")))
        #expect(try fixture.snapshot() == before)
    }

    @Test func decisionsListAndExportFromTheCommandLine() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let first = try fixture.addCase(plate: "HD-AB 1")
        let second = try fixture.addCase(plate: "HD-AB 2", zone: "roe-w-1")
        let parkscan = try Self.parkscan()
        let db = ["--db", fixture.databasePath, "--reviewer", "alice"]
        #expect(try runProgram(parkscan, ["review", "confirm", "\(first)"] + db).output.contains("confirmed by alice"))
        #expect(try runProgram(parkscan, ["review", "reject", "\(second)", "--reason", "disabled-badge"] + db).status == 0)
        let list = try runProgram(parkscan, ["review", "list", "--zone", "roe-w-1"] + db)
        #expect(list.output.contains("HD-AB 2") && !list.output.contains("HD-AB 1") && list.output.contains("1 case(s)"))
        let out = fixture.file("out")
        let export = try runProgram(parkscan, ["review", "export", "--out", out] + db)
        #expect(export.status == 0)
        #expect(export.output.contains("exported 1 case(s)"))
        let again = try runProgram(parkscan, ["review", "export", "--out", out] + db)
        #expect(again.status == 0 && again.output.contains("nothing to export"), "status \(again.status): \(again.output) \(again.error)")
        let dryRun = try runProgram(parkscan, ["purge", "--dry-run"] + db)
        #expect(dryRun.output.contains("would delete 1 case(s): 0 unreviewed, 1 rejected, 0 exported"))
        #expect(try fixture.fetch(second) != nil)
        let purge = try runProgram(parkscan, ["purge"] + db)
        #expect(purge.status == 0, "\(purge.error)")
        #expect(try fixture.fetch(second) == nil)
        #expect(try runProgram(parkscan, ["review", "audit", "verify"] + db).output.contains("intact: 4 entries"))
    }
}

extension ReviewFixture {
    func file(_ name: String) -> String { folder.file(name) }
}
