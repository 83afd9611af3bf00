import ArgumentParser
import Review

/// `parkscan review confirm ID`: the reviewer saw the violation on the photos.
struct ReviewConfirm: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm a pending case.")

    @OptionGroup var options: ReviewOptions

    @Argument(help: "The case id.")
    var id: String

    func run() throws {
        let id = try caseId(id)
        let desk = ReviewDesk(database: try options.open(), reviewer: try options.reviewerName())
        let updated = try reporting { try desk.confirm(id) }
        print("case \(updated.id) \(updated.plate) confirmed by \(desk.reviewer)")
    }
}
