/// One reason a rights file was rejected: the line (1-based; nil for the file as a whole)
/// and what is wrong there.
public struct RightsImportProblem: Error, Sendable, Hashable {
    /// The line the bad record starts on.
    public let line: Int?
    /// What is wrong, quoting the value: `plate "MAB1234" has several splits (...)`.
    public let reason: String

    public init(line: Int?, reason: String) {
        self.line = line
        self.reason = reason
    }
}
