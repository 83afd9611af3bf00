import ArgumentParser
import Review

/// `parkscan review audit list`: the entries, oldest first.
struct ReviewAuditList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the audit entries, oldest first.")

    @OptionGroup var options: ReviewOptions

    @Option(help: "Only the entries of this case.")
    var caseId: Int64?

    func run() throws {
        let entries = try options.open().writer.read { db in try AuditTrail.entries(caseId: caseId, in: db) }
        for entry in entries {
            let payload = entry.decodedPayload
            let change = payload.map { p in
                let before = p.before?["status"] ?? "-"
                let after = p.after?["status"] ?? "-"
                return before == after ? "" : " \(before) -> \(after)"
            } ?? " (details erased by purge)"
            print("#\(entry.sequence) \(entry.recordedAt) \(entry.reviewer) \(entry.action)"
                + (entry.caseId.map { " case \($0)" } ?? "") + change)
        }
        print("\(entries.count) entries")
    }
}
