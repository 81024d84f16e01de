import Foundation

/// Text that is not valid JSON: where (1-based line and column, the column counted in Unicode
/// code points) and what was expected.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public let line: Int
    public let column: Int
    /// Offset of the problem in the UTF-8 bytes of the text, from 0.
    public let byteOffset: Int
    /// What is wrong, e.g. `expected ',' or '}' after an object member, found 'x'`.
    public let problem: String

    public init(line: Int, column: Int, byteOffset: Int, problem: String) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.problem = problem
    }

    /// `line 3, column 7: expected ':' after an object key, found '='`
    public var description: String { "line \(line), column \(column): \(problem)" }

    public var errorDescription: String? { "invalid JSON at \(description)" }
}
