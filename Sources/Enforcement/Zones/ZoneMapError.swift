/// Zone files that cannot be used. Loading stops before any zone is used and reports every
/// problem found in every file, not just the first.
public struct ZoneMapError: Error, Sendable, CustomStringConvertible {
    /// All problems, in file order, then feature order.
    public let problems: [ZoneProblem]

    public init(problems: [ZoneProblem]) {
        self.problems = problems
    }

    /// One line per problem.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["zone map not loaded, \(count):"] + problems.map { "  " + $0.description })
            .joined(separator: "\n")
    }
}
