import ArgumentParser
import Enforcement
import Foundation
import Review
import Scanning

/// `parkscan review next`: an interactive walk through the pending cases, one key per decision.
struct ReviewNext: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Walk the pending cases: c confirm, r reject, p correct plate, s skip, q quit.",
        discussion: """
            Oldest case first. r asks for the reason with one digit (1-7; 7 "other" asks for a \
            note); p asks for the corrected plate, which is checked against the rights again. \
            A case another reviewer decided while you looked at it is not decided twice: you \
            get a message saying who decided what.
            """)

    @OptionGroup var options: ReviewOptions

    @Option(help: "Only cases in this zone.")
    var zone: String?

    @Option(help: "The zone map the scan used (for plate corrections).")
    var zones = "Zones/demo-town"

    @Flag(inversion: .prefixedNo, help: "Draw the photos as 24-bit colour blocks (default: when the terminal says COLORTERM=truecolor).")
    var colour: Bool?

    func run() throws {
        let store = try options.open()
        let desk = ReviewDesk(database: store, reviewer: try options.reviewerName())
        let output: (String) -> Void = { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let input: any ReviewInput = RawTerminal(output: output) ?? StreamInput(echo: output)
        defer { (input as? RawTerminal)?.restore() }
        let zones = self.zones
        let session = ReviewSession(
            desk: desk, recheck: { try PlateRecheck.standard(database: store, zones: zones) }, location: options.location,
            zone: zone, colour: TerminalPreview.colourWanted(forced: colour), input: input, output: output)
        try reporting { try session.run() }
    }
}

extension PlateRecheck {
    /// The rights in `database` and the zone map in the folder `zones`.
    static func standard(database: ParkScanDatabase, zones: String) throws -> PlateRecheck {
        let map: ZoneMap
        do { map = try ZoneMap.load(folder: URL(fileURLWithPath: zones)) } catch {
            throw ReviewError(.invalidInput, "\(zones): \(error.description) (give the scan's zone map with --zones)")
        }
        return PlateRecheck(rights: RightsStore(database: database), zones: map)
    }
}
