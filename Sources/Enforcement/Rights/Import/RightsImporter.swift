import Foundation
import GRDB

/// Imports a CSV file of resident permits, paid sessions or exemptions (the kind is told
/// by the header; formats in `docs/rights-import.md` and ``RightsFileKind``).
///
/// All or nothing: every row is checked first, and a file with any bad row is rejected
/// whole with each bad line and its reason (``RightsImportError``); a good file is written
/// in one transaction. Idempotent: rows are upserted by reference, so importing the same
/// file again reports every row unchanged.
public struct RightsImporter: Sendable {
    /// Where the rights go.
    public let database: ParkScanDatabase
    /// The German plate grammar plates are checked against.
    public let grammar: any GermanPlateGrammar
    /// The time zone of times written without an offset.
    public let timeZone: TimeZone

    /// An importer into `database`; times without offset are local to `timeZone`.
    public init(database: ParkScanDatabase, grammar: any GermanPlateGrammar, timeZone: TimeZone = .europeBerlin) {
        self.database = database
        self.grammar = grammar
        self.timeZone = timeZone
    }

    /// Imports the UTF-8 CSV file at `path`; errors name it as given.
    public func importFile(atPath path: String) throws -> RightsImportSummary {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RightsImportError(file: path, problems: [.init(line: nil, reason: "cannot be read (\(error.localizedDescription))")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RightsImportError(file: path, problems: [.init(line: nil, reason: "is not UTF-8 text")])
        }
        return try importCSV(text, name: path)
    }

    /// Imports CSV `text`; `name` is the file name errors and the summary give.
    public func importCSV(_ text: String, name: String) throws -> RightsImportSummary {
        let (kind, rights) = try parse(text, name: name)
        var summary = RightsImportSummary(file: name, kind: kind)
        try database.writer.write { db in
            for right in rights { try right.upsert(db, into: &summary) }
        }
        return summary
    }

    /// The file's kind and its rows, or every problem found.
    func parse(_ text: String, name: String) throws(RightsImportError) -> (RightsFileKind, [ImportedRight]) {
        let records: [CSVRecord]
        do {
            records = try RFC4180Reader.records(in: text)
        } catch {
            throw RightsImportError(file: name, problems: [.init(line: error.line, reason: error.reason)])
        }
        guard let header = records.first else {
            throw RightsImportError(file: name, problems: [.init(line: nil, reason: "is empty (no header)")])
        }
        let kind: RightsFileKind, columns: [String: Int]
        switch RightsFileKind.detect(header: header.fields) {
        case .success(let found): (kind, columns) = found
        case .failure(let problem): throw RightsImportError(file: name, problems: [problem])
        }
        let parser = RightsRowParser(kind: kind, columns: columns, grammar: grammar, times: RightsTimeParser(timeZone: timeZone))
        var rights: [ImportedRight] = []
        var problems: [RightsImportProblem] = []
        var firstLine: [String: Int] = [:]
        for record in records.dropFirst() {
            do {
                let right = try parser.right(record)
                if let earlier = firstLine[right.identity] {
                    problems.append(.init(line: record.line, reason: "reference \(right.identity) already on line \(earlier)"))
                    continue
                }
                firstLine[right.identity] = record.line
                rights.append(right)
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw RightsImportError(file: name, problems: problems) }
        return (kind, rights)
    }
}
