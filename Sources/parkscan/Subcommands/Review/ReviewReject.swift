import ArgumentParser
import Review

/// `parkscan review reject ID --reason R [--note TEXT]`.
struct ReviewReject: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a pending case, with a reason.")

    @OptionGroup var options: ReviewOptions

    @Argument(help: "The case id.")
    var id: String

    @Option(help: "Why: \(RejectionReason.allowedValues).")
    var reason: String

    @Option(help: "What the reviewer saw (required with --reason other).")
    var note: String?

    func run() throws {
        let id = try caseId(id)
        let reason = try reporting { try RejectionReason(parsing: self.reason) }
        let desk = ReviewDesk(database: try options.open(), reviewer: try options.reviewerName())
        let updated = try reporting { try desk.reject(id, reason: reason, note: note) }
        print("case \(updated.id) \(updated.plate) rejected by \(desk.reviewer): \(reason.label)")
    }
}
