import ArgumentParser
import Enforcement
import Foundation
import Review

/// The options every review command shares: the database, the evidence folder, the reviewer.
struct ReviewOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The database file.")
    var database = ParkScanDatabase.defaultPath

    @Option(help: "The evidence folder (default: the one the scan recorded, else `evidence`, as `parkscan scan`).")
    var evidence: String?

    @Option(help: "Who decides (default: the OS user).")
    var reviewer: String?

    /// The database, which must exist: a review never creates an empty one by a typo.
    func open() throws -> ParkScanDatabase {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("\(database): no such database (give it with --db)")
        }
        return try ParkScanDatabase(path: database)
    }

    var location: EvidenceLocation { EvidenceLocation(override: evidence) }

    func reviewerName() throws -> String {
        do { return try Reviewer.resolve(reviewer) } catch { throw CommandFailure(error.message) }
    }
}

/// Runs `body`, turning a ``ReviewError`` into a message on standard error and exit status 1.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ReviewError { throw CommandFailure(error.message) }
}

/// A case id given on the command line.
func caseId(_ text: String) throws -> Int64 {
    guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), id > 0 else {
        throw CommandFailure("\"\(text)\" is not a case id (a positive number, see `parkscan review list`)")
    }
    return id
}
