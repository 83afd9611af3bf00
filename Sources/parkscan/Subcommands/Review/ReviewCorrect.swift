import ArgumentParser
import Review

/// `parkscan review correct ID --plate P`: the plate was misread; the corrected plate is
/// checked against the rights again (a right closes the case as rejected).
struct ReviewCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", abstract: "Correct the plate of a pending case and check it against the rights again.")

    @OptionGroup var options: ReviewOptions

    @Argument(help: "The case id.")
    var id: String

    @Option(help: "The plate as it is on the photo: M-AB 1234, or a foreign plate with --country.")
    var plate: String

    @Option(help: "The country of a foreign plate (NL, PL, ...); default: German.")
    var country: String?

    @Option(help: "The zone map the scan used.")
    var zones = "Zones/demo-town"

    func run() throws {
        let id = try caseId(id)
        let store = try options.open()
        let desk = ReviewDesk(database: store, reviewer: try options.reviewerName())
        let updated = try reporting {
            try desk.correct(id, plate: plate, country: country, recheck: try PlateRecheck.standard(database: store, zones: zones))
        }
        if updated.caseStatus == .rejected {
            print("case \(updated.id) corrected to \(updated.plate) and rejected: \(updated.reviewNote ?? "")")
        } else {
            print("case \(updated.id) corrected to \(updated.plate) (read as \(updated.originalPlate ?? "?")); no right found, still pending")
        }
    }
}
