import ArgumentParser
import Enforcement
import Foundation
import Scanning

/// `parkscan rights import FILE.csv [--db FILE]`: upserts the rights of one CSV file.
struct RightsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import resident permits, paid sessions or exemptions from a CSV file.",
        discussion: """
            The kind is told by the header (columns in any order, names case-insensitive; \
            every kind may add a country column, empty or D for German plates):

              permits:     reference,plate,areas,valid_from,valid_to
              sessions:    reference,source,plate,zone,start,end
              exemptions:  reference,plate,reason,zones,valid_from,valid_to

            CSV by RFC 4180 (comma-separated, UTF-8, quotes for fields with commas). \
            areas and zones are lists separated by ";" (W1;W2); empty zones means all zones. \
            reason is disabled-badge, municipal-vehicle, delivery, tradesperson or other.

            German plates with their hyphen: M-AB 1234 (MAB1234 only when a single split is \
            grammatical). Foreign plates need the country; their letters and digits are the key.

            Times are ISO 8601 (2025-06-02T10:00:00+02:00); without an offset they are \
            Europe/Berlin local time. valid_from/valid_to may be dates: valid_to names the \
            last valid day. Session start and end need a time.

            All or nothing: a file with any bad row is rejected with each bad line and its \
            reason, and nothing is written. Rows are upserted by reference (source and \
            reference for sessions): importing a file twice changes nothing.
            See docs/rights-import.md.
            """
    )

    @Option(name: .customLong("db"), help: "The database file (created when missing).")
    var database = ParkScanDatabase.defaultPath

    @Argument(help: "The CSV file.")
    var file: String

    func run() throws {
        let store = try ParkScanDatabase(path: database)
        do {
            let summary = try RightsImporter(database: store, grammar: ReaderPlateGrammar()).importFile(atPath: file)
            print(summary)
        } catch let error as RightsImportError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
