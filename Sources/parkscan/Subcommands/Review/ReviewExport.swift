import ArgumentParser
import Review

/// `parkscan review export --out DIR`: confirmed cases for the fines office.
struct ReviewExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export confirmed cases (CSV, JSON, evidence files with verified SHA-256) for the fines office.",
        discussion: "Each run writes a new batch folder under --out; a case is exported once. "
            + "A case whose evidence changed on disk is refused (exit status 2) and stays confirmed.")

    @OptionGroup var options: ReviewOptions

    @Option(help: "The folder batches are written to.")
    var out: String

    func run() throws {
        let export = FinesExport(database: try options.open(), location: options.location, reviewer: try options.reviewerName())
        let result = try reporting { try export.run(into: out) }
        if let folder = result.folder {
            print("exported \(result.exported.count) case(s) to \(folder): " + result.exported.map { "\($0)" }.joined(separator: ", "))
        } else {
            print("nothing to export (no confirmed case left)")
        }
        for (id, problems) in result.refused {
            for problem in problems { print("refused case \(id): \(problem)") }
        }
        if !result.refused.isEmpty { throw ExitCode(2) }
    }
}
