import Foundation
import Testing
@testable import Review

/// Keys from a script; `beforeKey` runs before the key with that index is handed out.
final class ScriptedInput: ReviewInput {
    var keys: [String]
    var lines: [String]
    var beforeKey: [Int: () throws -> Void] = [:]
    private var handed = 0

    init(keys: String, lines: [String] = []) {
        self.keys = keys.map(String.init)
        self.lines = lines
    }

    func key() -> UInt8? {
        try? beforeKey[handed]?()
        handed += 1
        return keys.isEmpty ? nil : UInt8(ascii: Unicode.Scalar(keys.removeFirst())!)
    }

    func line(prompt: String) -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

@Suite struct ReviewSessionTests {
    func session(_ fixture: ReviewFixture, _ input: ScriptedInput, output: @escaping (String) -> Void) throws -> ReviewSession {
        let recheck = try fixture.recheck()
        return ReviewSession(desk: fixture.desk("walker"), recheck: { recheck }, location: fixture.location, zone: nil,
                             colour: false, input: input, output: output)
    }

    @Test func oneKeyPerDecisionThroughThePendingCases() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let skipped = try fixture.addCase(plate: "HD-AB 1")
        let confirmed = try fixture.addCase(plate: "HD-AB 2", firstSeen: ReviewFixture.firstSeen.addingTimeInterval(60))
        let rejected = try fixture.addCase(plate: "HD-AB 3", firstSeen: ReviewFixture.firstSeen.addingTimeInterval(120))
        let other = try fixture.addCase(plate: "HD-AB 4", firstSeen: ReviewFixture.firstSeen.addingTimeInterval(180))
        let corrected = try fixture.addCase(plate: "HD-AB 5", firstSeen: ReviewFixture.firstSeen.addingTimeInterval(240))
        // x: unknown key; s skip; c confirm; r 4 (loading); r 7 + note; p + plate + country, then q on its second showing.
        let input = ScriptedInput(keys: "xscr4r7pq", lines: ["broken-down bus", "HD-AB 55", ""])
        var text = ""
        let walk = try session(fixture, input) { text += $0 }
        try walk.run()
        #expect(try fixture.fetch(skipped)?.status == "pending_review")
        #expect(try fixture.fetch(confirmed)?.status == "confirmed")
        #expect(try fixture.fetch(confirmed)?.reviewer == "walker")
        #expect(try fixture.fetch(rejected)?.rejectionReason == "loading")
        #expect(try fixture.fetch(other)?.reviewNote == "broken-down bus")
        #expect(try fixture.fetch(corrected)?.plate == "HD-AB 55")
        #expect(try fixture.fetch(corrected)?.status == "pending_review")
        #expect(walk.tally == ReviewSession.Tally(confirmed: 1, rejected: 2, corrected: 1, skipped: 1, failed: 0))
        #expect(text.contains("key \"x\" does nothing here"))
        #expect(text.contains("case \(corrected) corrected to HD-AB 55; it stays pending"))
        #expect(try fixture.verify().isIntact)
    }

    @Test func aCaseDecidedMeanwhileByAnotherReviewerGivesAConflictMessage() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 1")
        let input = ScriptedInput(keys: "r1")
        // Bob confirms while the walker looks at the case.
        input.beforeKey[0] = { try fixture.desk("bob").confirm(id) }
        var text = ""
        let walk = try session(fixture, input) { text += $0 }
        try walk.run()
        #expect(text.contains("case \(id) changed since you saw it: confirmed by bob"))
        #expect(text.contains("not recorded"))
        #expect(walk.tally.failed == 1)
        #expect(try fixture.fetch(id)?.status == "confirmed")
        #expect(try fixture.fetch(id)?.reviewer == "bob")
        #expect(try fixture.auditEntries().count == 1)
    }

    @Test func pipedKeysWorkWithoutATerminal() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 1")
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let keys = "r7\nseen a valid paper ticket\n"
        _ = keys.withCString { write(descriptors[1], $0, strlen($0)) }
        close(descriptors[1])
        defer { close(descriptors[0]) }
        let recheck = try fixture.recheck()
        let walk = ReviewSession(desk: fixture.desk(), recheck: { recheck }, location: fixture.location, zone: nil, colour: false,
                                 input: StreamInput(descriptor: descriptors[0], echo: { _ in }), output: { _ in })
        try walk.run()
        #expect(try fixture.fetch(id)?.reviewNote == "seen a valid paper ticket")
    }
}
