import ArgumentParser

/// `parkscan review ...`: the back office. A person looks at each suspected violation and
/// decides; the work is in the `Review` library, docs/review.md has the details.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review suspected violations: list, show, decide, export for the fines office.",
        discussion: """
            Decisions (confirm, reject, correct) are recorded with the reviewer (the OS user, or \
            --reviewer NAME) in a hash-chained audit trail (`parkscan review audit verify`). \
            Confirmed cases go to the fines office with `parkscan review export`. See docs/review.md.
            """,
        subcommands: [ReviewList.self, ReviewShow.self, ReviewNext.self, ReviewConfirm.self, ReviewReject.self,
                      ReviewCorrect.self, ReviewExport.self, ReviewSheetCommand.self, ReviewAudit.self]
    )
}
