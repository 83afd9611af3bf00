/// The three kinds of rights file, told apart by their header.
///
/// Column names are matched case-insensitively, in any order. Every kind may add a
/// `country` column (empty or `D`: German plate).
public enum RightsFileKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Resident permits: `reference,plate,areas,valid_from,valid_to`.
    case permits
    /// Paid sessions: `reference,source,plate,zone,start,end`.
    case sessions
    /// Exemptions: `reference,plate,reason,zones,valid_from,valid_to`.
    case exemptions

    /// The columns a file of this kind must have, in the documented order.
    public var requiredColumns: [String] {
        switch self {
        case .permits: ["reference", "plate", "areas", "valid_from", "valid_to"]
        case .sessions: ["reference", "source", "plate", "zone", "start", "end"]
        case .exemptions: ["reference", "plate", "reason", "zones", "valid_from", "valid_to"]
        }
    }

    /// Columns a file may have besides the required ones.
    public static let optionalColumns = ["country"]

    /// What one row is, for the summary: `resident permits`.
    public var description: String {
        switch self {
        case .permits: "resident permits"
        case .sessions: "paid sessions"
        case .exemptions: "exemptions"
        }
    }

    /// The kind whose columns are exactly `header`'s (plus optional ones), and each
    /// column's index by name; the reason otherwise.
    static func detect(header: [String]) -> Result<(RightsFileKind, [String: Int]), RightsImportProblem> {
        let names = header.map { $0.trimmingSpaces.lowercased() }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if index[name] != nil { return .failure(.init(line: 1, reason: "column \"\(name)\" appears twice")) }
            index[name] = position
        }
        if names.count == 1 && names[0].contains(";") {
            return .failure(.init(line: 1, reason: "fields are separated by \";\"; rights files are comma-separated"))
        }
        let present = Set(names)
        // The kind with most of its columns present is the one meant.
        let kind = allCases.max { a, b in
            present.intersection(a.requiredColumns).count < present.intersection(b.requiredColumns).count
        } ?? .permits
        let missing = kind.requiredColumns.filter { !present.contains($0) }
        let unknown = names.filter { !kind.requiredColumns.contains($0) && !optionalColumns.contains($0) }
        if missing.isEmpty && unknown.isEmpty { return .success((kind, index)) }
        var reason = "header is not one of " + allCases.map { "\($0.rawValue) (\($0.requiredColumns.joined(separator: ",")))" }
            .joined(separator: ", ")
        if present.intersection(kind.requiredColumns).count >= 3 {
            reason = "header of \(kind.rawValue)"
            if !missing.isEmpty { reason += " lacks " + missing.joined(separator: ", ") }
            if !unknown.isEmpty { reason += (missing.isEmpty ? "" : " and") + " has unknown " + unknown.joined(separator: ", ") }
            reason += " (expected \(kind.requiredColumns.joined(separator: ",")) and optionally country)"
        }
        return .failure(.init(line: 1, reason: reason))
    }
}
