/// One record of a CSV file: its fields and the line it starts on (1-based; a quoted field
/// may run over several lines).
struct CSVRecord: Sendable, Hashable {
    let line: Int
    let fields: [String]
}
