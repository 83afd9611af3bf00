import ArgumentParser
import Review

/// `parkscan review audit verify`: checks the chain; names the first broken entry.
struct ReviewAuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit trail: any edited, deleted or reordered entry is reported with its number (exit status 2).")

    @OptionGroup var options: ReviewOptions

    func run() throws {
        let report = try options.open().writer.read { db in try AuditVerifier.verify(in: db) }
        if report.isIntact {
            print("audit trail intact: \(report.entryCount) entries, head \(report.headHash ?? "(empty)")")
            return
        }
        print("audit trail BROKEN: first at entry \(report.problems[0].sequence)")
        for problem in report.problems { print("  \(problem)") }
        throw ExitCode(2)
    }
}
