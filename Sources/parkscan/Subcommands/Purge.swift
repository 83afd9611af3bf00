import ArgumentParser
import Foundation
import Review

/// `parkscan purge [--dry-run]`: applies the retention settings.
struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete cases (rows and evidence files, beyond recovery) whose retention time is up.",
        discussion: """
            Defaults: unreviewed cases \(Int(RetentionSettings.defaultUnreviewedDays)) days after the last \
            sighting, rejected cases at once, exported cases \(Int(RetentionSettings.defaultExportedDays)) days \
            after the export; confirmed cases wait for their export. Also deletes expired pending \
            sightings and day keys (as a scan would), then truncates the WAL. The purge is \
            recorded in the audit trail with counts and case ids, never plates. See docs/review.md.
            """)

    @OptionGroup var options: ReviewOptions

    @Flag(help: "Only say what would be deleted.")
    var dryRun = false

    @Option(help: "Days an unreviewed case is kept after its last sighting.")
    var unreviewedDays = RetentionSettings.defaultUnreviewedDays

    @Option(help: "Days a rejected case is kept after the decision.")
    var rejectedDays = RetentionSettings.defaultRejectedDays

    @Option(help: "Days an exported case is kept after the export (the fines period).")
    var exportedDays = RetentionSettings.defaultExportedDays

    func validate() throws {
        guard unreviewedDays >= 0, rejectedDays >= 0, exportedDays >= 0 else {
            throw ValidationError("--unreviewed-days, --rejected-days and --exported-days must be 0 or more")
        }
    }

    func run() throws {
        let settings = RetentionSettings(unreviewedDays: unreviewedDays, rejectedDays: rejectedDays, exportedDays: exportedDays)
        let purge = CasePurge(database: try options.open(), location: options.location, settings: settings,
                              reviewer: try options.reviewerName())
        let result = try reporting { dryRun ? try purge.dryRun() : try purge.run() }
        let verb = dryRun ? "would delete" : "deleted"
        print("\(verb) \(result.cases.count) case(s): \(result.count(.pendingReview)) unreviewed, "
            + "\(result.count(.rejected)) rejected, \(result.count(.exported)) exported"
            + (result.cases.isEmpty ? "" : " (ids " + result.cases.map { "\($0.id)" }.joined(separator: ", ") + ")"))
        print("\(verb) \(result.cases.reduce(0) { $0 + $1.files.count }) evidence file(s)\(dryRun ? "" : " (overwritten, then unlinked)")")
        print("\(verb) \(result.pendingSightings) expired pending sighting(s), \(result.dayKeys) expired day key(s)")
        for failure in result.failures { print("! \(failure)") }
        if !result.failures.isEmpty { throw ExitCode(1) }
    }
}
