import Foundation
import TestSupport
import Testing
@testable import Review

/// `parkscan review next` in a real terminal (tmux) and the review sheet in a real browser
/// (Debian's chromium, headless). Each is skipped with a message when the tool is missing.
@Suite(.serialized) struct RealToolTests {
    @Test func reviewNextInATmuxTerminal() throws {
        guard let tmux = which("tmux") else {
            print("skipped: tmux is not installed (scripts/install-system-packages.sh installs it)")
            return
        }
        let parkscan = try #require(Repository.parkscan, "parkscan binary not found beside the tests")
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let confirmed = try fixture.addCase(plate: "HD-TM 1")
        let rejected = try fixture.addCase(plate: "HD-TM 2", firstSeen: ReviewFixture.firstSeen.addingTimeInterval(60))
        let socket = "parkscan-review-test-\(getpid())"
        let session = "review"
        let command = "'\(parkscan)' review next --db '\(fixture.databasePath)' --reviewer tmux-tester --colour; "
            + "echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; sleep 60"
        func tmuxRun(_ arguments: [String]) throws -> String {
            try runProgram(tmux, ["-L", socket] + arguments).output
        }
        defer {
            _ = try? runDaemonizing(tmux, ["-L", socket, "kill-server"])
            let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
        }
        let started = try runDaemonizing(tmux, ["-L", socket, "new-session", "-d", "-s", session, "-x", "220", "-y", "80", command])
        try #require(started == 0, "tmux new-session failed")
        // Generous: the whole suite runs in parallel on 2 cores, and this only waits for the
        // pane; a stuck session still fails, after a minute.
        func waitFor(_ text: String, seconds: Double = 60) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var pane = ""
            while Date() < deadline {
                pane = try tmuxRun(["capture-pane", "-p", "-t", session, "-S", "-200"])
                if pane.contains(text) { return pane }
                usleep(100_000)
            }
            Issue.record("tmux pane never showed \"\(text)\":\n\(pane)")
            return pane
        }
        var pane = try waitFor("[c] confirm")
        #expect(pane.contains("Case \(confirmed)  HD-TM 1"))
        #expect(pane.contains("▀"), "colour preview drawn")
        _ = try tmuxRun(["send-keys", "-t", session, "c"])
        pane = try waitFor("case \(confirmed) confirmed")
        _ = try waitFor("Case \(rejected)  HD-TM 2")
        _ = try tmuxRun(["send-keys", "-t", session, "r"])
        _ = try waitFor("[1] misread plate")
        _ = try tmuxRun(["send-keys", "-t", session, "5"])
        _ = try waitFor("EXIT=")
        // stty prints after the exit status: wait for its line too (under load the pane was
        // read between the two, and the check below failed).
        pane = try waitFor("icanon")
        #expect(pane.contains("case \(rejected) rejected: emergency vehicle"))
        #expect(pane.contains("No more pending cases."))
        #expect(pane.contains("EXIT=0"))
        // The terminal is back in line mode after the session.
        #expect(pane.contains("\nicanon"), "terminal not restored:\n\(pane)")
        #expect(try fixture.fetch(confirmed)?.status == "confirmed")
        #expect(try fixture.fetch(confirmed)?.reviewer == "tmux-tester")
        #expect(try fixture.fetch(rejected)?.rejectionReason == RejectionReason.emergencyVehicle.rawValue)
    }

    @Test func theSheetRendersInAHeadlessBrowser() throws {
        guard let chromium = which("chromium") ?? which("chromium-browser") else {
            print("skipped: chromium is not installed (apt-get install chromium; .ci/run does)")
            return
        }
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let ids = try (1...3).map { try fixture.addCase(plate: "HD-SH \($0)") }
        try fixture.addCase(plate: "<b>bold</b>")
        let dossiers = try (ids + [ids.last! + 1]).map { try CaseDossier.load($0, location: fixture.location, from: fixture.database.writer) }
        let page = fixture.file("sheet.html")
        try Data(ReviewSheet.html(dossiers, title: "test sheet", generatedAt: Date()).utf8).write(to: URL(fileURLWithPath: page))
        let run = try runProgram(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + fixture.file("profile"),
                                            "--virtual-time-budget=5000", "--dump-dom", "file://" + page])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("data-decoded-images=\"16\""), "chromium decoded fewer than 16 images")
        #expect(!run.output.contains(" broken\""), "an image is marked not decodable")
        #expect(run.output.contains("&lt;b&gt;bold&lt;/b&gt;"))
        let screenshot = fixture.file("sheet.png")
        let shot = try runProgram(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + fixture.file("profile"),
                                             "--window-size=1200,1600", "--screenshot=" + screenshot, "file://" + page])
        #expect(shot.status == 0)
        let png = try Thumbnail(path: screenshot, maxWidth: 60, maxHeight: 80)
        #expect(Set(png.rgb).count > 50, "the screenshot shows the photos, not a blank page")
    }
}
