import ArgumentParser
import Foundation
import Review

/// `parkscan review sheet --out FILE.html`: many cases on one page.
struct ReviewSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet", abstract: "Write one HTML page with many cases, plate crops and overviews side by side.")

    @OptionGroup var options: ReviewOptions

    @Option(help: "The HTML file to write.")
    var out: String

    @Option(help: "Only cases with this status (default pending_review): \(CaseStatus.allowedValues).")
    var status = CaseStatus.pendingReview.rawValue

    @Option(help: "Only cases in this zone.")
    var zone: String?

    @Option(help: "At most this many cases.")
    var limit = 200

    func run() throws {
        let filter = try reporting { CaseFilter(status: try CaseStatus(parsing: status), zone: zone, limit: max(1, limit)) }
        let store = try options.open()
        let ids = try store.writer.read { db in try filter.summaries(in: db).map(\.case.id) }
        let dossiers = try reporting { try ids.map { try CaseDossier.load($0, location: options.location, from: store.writer) } }
        let html = ReviewSheet.html(dossiers, title: "ParkScan review sheet: \(status)", generatedAt: Date())
        do { try Data(html.utf8).write(to: URL(fileURLWithPath: out)) } catch {
            throw CommandFailure("\(out): cannot write: \(error.localizedDescription)")
        }
        let problems = dossiers.reduce(0) { $0 + $1.evidenceProblems.count }
        print("wrote \(out): \(dossiers.count) case(s)" + (problems > 0 ? ", \(problems) evidence problem(s) marked" : ""))
    }
}
