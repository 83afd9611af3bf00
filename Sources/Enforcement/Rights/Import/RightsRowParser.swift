import Foundation

/// Turns the records of one rights file into records of the store, checking every value.
struct RightsRowParser: Sendable {
    let kind: RightsFileKind
    /// Each column's index by its lower-case name.
    let columns: [String: Int]
    let grammar: any GermanPlateGrammar
    let times: RightsTimeParser

    /// The right in `record`, or the reason it is bad (the first one found).
    func right(_ record: CSVRecord) throws(RightsImportProblem) -> ImportedRight {
        guard record.fields.count == columns.count else {
            throw problem(record, "\(record.fields.count) fields, the header has \(columns.count)")
        }
        let plate = try plateKey(record)
        switch kind {
        case .permits:
            let areas = list(record, "areas")
            guard !areas.isEmpty else { throw problem(record, "areas is empty (a permit covers at least one area, like W1;W2)") }
            let (from, to) = try validity(record)
            return .permit(ResidentPermit(reference: try text(record, "reference"), plate: plate, areas: areas,
                                          validFrom: from, validTo: to))
        case .sessions:
            let zone = try text(record, "zone")
            let start = try time(record, "start", .rejected)
            let end = try time(record, "end", .rejected)
            guard start < end else { throw problem(record, "end \"\(value(record, "end"))\" is not after start \"\(value(record, "start"))\"") }
            return .session(PaidSession(source: try text(record, "source"), reference: try text(record, "reference"),
                                        plate: plate, zone: zone, start: start, end: end))
        case .exemptions:
            let reasonText = try text(record, "reason")
            guard let reason = ExemptionReason(rawValue: reasonText.lowercased()) else {
                throw problem(record, "reason \"\(reasonText)\" is not one of "
                    + ExemptionReason.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let (from, to) = try validity(record)
            return .exemption(Exemption(reference: try text(record, "reference"), plate: plate, reason: reason,
                                        zones: list(record, "zones"), validFrom: from, validTo: to))
        }
    }

    private func plateKey(_ record: CSVRecord) throws(RightsImportProblem) -> PlateKey {
        let country = columns["country"].map { record.fields[$0] }
        do {
            return try PlateKey(parsing: value(record, "plate"), country: country, grammar: grammar)
        } catch {
            throw problem(record, error.message)
        }
    }

    private func validity(_ record: CSVRecord) throws(RightsImportProblem) -> (Date, Date) {
        let from = try time(record, "valid_from", .startOfDay)
        let to = try time(record, "valid_to", .endOfDay)
        guard from < to else {
            throw problem(record, "valid_to \"\(value(record, "valid_to"))\" is not after valid_from \"\(value(record, "valid_from"))\"")
        }
        return (from, to)
    }

    private func time(_ record: CSVRecord, _ column: String, _ dateOnly: RightsTimeParser.DateOnly) throws(RightsImportProblem) -> Date {
        do {
            return try times.instant(value(record, column), dateOnly: dateOnly)
        } catch {
            throw problem(record, "\(column) \(error.reason)")
        }
    }

    /// The non-empty trimmed value of `column`.
    private func text(_ record: CSVRecord, _ column: String) throws(RightsImportProblem) -> String {
        let text = value(record, column)
        guard !text.isEmpty else { throw problem(record, "\(column) is empty") }
        return text
    }

    /// `W1; W2;` as `["W1", "W2"]`.
    private func list(_ record: CSVRecord, _ column: String) -> [String] {
        value(record, column).split(separator: ";").map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    private func value(_ record: CSVRecord, _ column: String) -> String {
        columns[column].map { record.fields[$0].trimmingSpaces } ?? ""
    }

    private func problem(_ record: CSVRecord, _ reason: String) -> RightsImportProblem {
        RightsImportProblem(line: record.line, reason: reason)
    }
}
