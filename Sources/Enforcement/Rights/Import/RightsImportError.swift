/// A rights file rejected as a whole: nothing of it was written.
///
/// Its description has one line per problem, `permits.csv:17: plate "MAB1234" has several
/// splits (M-AB 1234, MA-B 1234); write it with its hyphen`, at most
/// ``RightsImportError/shownProblems`` of them.
public struct RightsImportError: Error, CustomStringConvertible, Sendable {
    /// How many problems the description lists before "... and N more".
    public static let shownProblems = 20

    /// The file's name as given.
    public let file: String
    /// Every problem found, in line order.
    public let problems: [RightsImportProblem]

    public init(file: String, problems: [RightsImportProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        var lines = problems.prefix(Self.shownProblems).map { problem in
            "\(file)" + (problem.line.map { ":\($0)" } ?? "") + ": \(problem.reason)"
        }
        if problems.count > Self.shownProblems {
            lines.append("\(file): ... and \(problems.count - Self.shownProblems) more problems")
        }
        lines.append("\(file): nothing imported")
        return lines.joined(separator: "\n")
    }
}
