import ArgumentParser
import Foundation
import Review

/// `parkscan review list`: cases with plate, zone, rule, times and read confidence.
struct ReviewList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, oldest first.")

    @OptionGroup var options: ReviewOptions

    @Option(help: "Only cases with this status: \(CaseStatus.allowedValues).")
    var status: String?

    @Option(help: "Only cases in this zone (its id, e.g. dan-o-1).")
    var zone: String?

    @Option(help: "Only cases last seen since: 2025-11-04, 2025-11-04T10:00 (Berlin), or an age like 36h, 7d.")
    var since: String?

    @Flag(help: "One JSON object per case and line.")
    var json = false

    func run() throws {
        let filter = try reporting {
            CaseFilter(status: try status.map(CaseStatus.init(parsing:)), zone: zone, since: try since.map { try ReviewTime.parse($0) })
        }
        let store = try options.open()
        let rows = try store.writer.read { db in try filter.summaries(in: db) }
        if json {
            for row in rows { print(try CaseJSON.line(CaseJSON.summary(row))) }
            return
        }
        print(CaseTable.header)
        for row in rows { print(CaseTable.line(row)) }
        print("\(rows.count) case(s)")
    }
}

/// The case table of `review list` and `cases`.
enum CaseTable {
    static let header = pad("id", 5) + " " + pad("plate", 13) + " " + pad("zone", 10) + " " + pad("rule", 21) + " "
        + pad("first seen", 16) + " " + pad("last seen", 16) + " " + pad("conf", 5) + " status"

    static func line(_ row: CaseSummary) -> String {
        let found = row.case
        return pad("\(found.id)", 5) + " " + pad(found.plate, 13) + " " + pad(found.zone, 10) + " " + pad(found.rule, 21) + " "
            + pad(ReviewTime.short(found.firstSeen), 16) + " " + pad(ReviewTime.short(found.lastSeen), 16) + " "
            + pad(row.readConfidence.map { String(format: "%.2f", $0) } ?? "-", 5) + " " + found.status
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }
}
