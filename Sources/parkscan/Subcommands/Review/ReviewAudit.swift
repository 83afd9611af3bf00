import ArgumentParser

/// `parkscan review audit ...`: the audit trail of decisions.
struct ReviewAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The hash-chained audit trail of review decisions.",
        subcommands: [ReviewAuditVerify.self, ReviewAuditList.self])
}
