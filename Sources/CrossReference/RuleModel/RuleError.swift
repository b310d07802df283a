/// A rule file that cannot be used: the file, the line and column (1-based, 0 when unknown) and
/// the problem, printed as `file:line:column: problem`.
public struct RuleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String

    public init(file: String, line: Int = 0, column: Int = 0, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(problem)" : "\(file): \(problem)"
    }
}
