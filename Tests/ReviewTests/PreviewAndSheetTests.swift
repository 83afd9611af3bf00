import Foundation
import Testing
@testable import Review

@Suite struct PreviewAndSheetTests {
    @Test func aThumbnailKeepsTheAspectAndHasTheImagesColours() throws {
        let thumbnail = try Thumbnail(path: Repository.frame.path, maxWidth: 64, maxHeight: 64)
        #expect(thumbnail.width == 64)
        #expect(thumbnail.height == 36) // 1280x720
        #expect(thumbnail.rgb.count == 64 * 36 * 3)
        #expect(Set(thumbnail.rgb).count > 20, "a real photo has many colours")
        #expect(throws: ReviewError.self) { try Thumbnail(path: "/nonexistent.jpg", maxWidth: 8, maxHeight: 8) }
    }

    @Test func halfBlocksCarryTwoPixelsPerCell() throws {
        let thumbnail = try Thumbnail(path: Repository.frame.path, maxWidth: 20, maxHeight: 20)
        let lines = TerminalPreview.lines(thumbnail)
        #expect(lines.count == (thumbnail.height + 1) / 2)
        #expect(lines[0].filter { $0 == "▀" }.count == thumbnail.width)
        let top = thumbnail.pixel(0, 0), bottom = thumbnail.pixel(0, 1)
        #expect(lines[0].hasPrefix("\u{1B}[38;2;\(top.r);\(top.g);\(top.b)m\u{1B}[48;2;\(bottom.r);\(bottom.g);\(bottom.b)m▀"))
        #expect(lines[0].hasSuffix("\u{1B}[0m"))
    }

    @Test func colourOnlyWhenForcedOrATruecolourTerminal() {
        #expect(TerminalPreview.colourWanted(forced: true))
        #expect(!TerminalPreview.colourWanted(forced: false, environment: ["COLORTERM": "truecolor"]))
        // The tests' standard output is not a terminal.
        if isatty(STDOUT_FILENO) == 0 { #expect(!TerminalPreview.colourWanted(forced: nil, environment: ["COLORTERM": "truecolor"])) }
    }

    @Test func theCaseCardShowsPreviewsOnlyInColour() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let id = try fixture.addCase(plate: "HD-AB 1")
        let dossier = try CaseDossier.load(id, location: fixture.location, from: fixture.database.writer)
        let plain = CaseCard(dossier: dossier, colour: false, full: true).lines.joined(separator: "\n")
        #expect(plain.contains("Case \(id)  HD-AB 1"))
        #expect(plain.contains(fixture.evidence + "/TEST/case-\(id)/1-plate.jpg  sha256 ok"))
        #expect(!plain.contains("\u{1B}["))
        let colour = CaseCard(dossier: dossier, colour: true, full: true).lines.joined(separator: "\n")
        #expect(colour.contains("\u{1B}[38;2;"))
        #expect(colour.components(separatedBy: "▀").count > 1000)
    }

    @Test func theSheetEmbedsEveryImageAndEscapesText() throws {
        let fixture = try ReviewFixture()
        defer { fixture.folder.remove() }
        let first = try fixture.addCase(plate: "HD-AB 1")
        try fixture.addCase(plate: "<script>alert(1)</script>")
        let dossiers = try [first, first + 1].map { try CaseDossier.load($0, location: fixture.location, from: fixture.database.writer) }
        let html = ReviewSheet.html(dossiers, title: "Sheet & <test>", generatedAt: Date())
        #expect(html.components(separatedBy: "src=\"data:image/jpeg;base64,").count - 1 == 8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("Sheet &amp; &lt;test&gt;"))
    }
}
