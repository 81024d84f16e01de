/// Why an entry was not added. Nothing is written in any of these cases.
public enum AddError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCategory(String, known: [String])
    case sectionNotFound(category: String, heading: String)
    case tableNotFound(category: String, heading: String)
    case missingField(String)
    case invalid([String])
    /// Entry `number` (1-based) of several is not valid.
    case invalidEntry(number: Int, [String])
    case duplicate(String)
    case wouldAddFindings([String])
    /// The entry would change how the blocks around it render (a table read as its text).
    case changesSurroundings
    /// The entry's place is inside a part of the list a script writes.
    case generatedRegion(name: String, lines: ClosedRange<Int>)

    public var description: String {
        switch self {
        case .unknownCategory(let key, let known):
            return "unknown category '\(key)'; the list's categories are \(known.joined(separator: ", "))"
        case .sectionNotFound(let category, let heading):
            return "the list has no section \"\(heading)\" for category \(category); add the heading, or fix `categories:` in .fmadd.yml"
        case .tableNotFound(let category, let heading):
            return "the section \"\(heading)\" has no table for category \(category); add its header and alignment rows first"
        case .missingField(let field):
            return "missing \(field); give it with --\(field)"
        case .invalid(let messages):
            return "the entry is not valid:\n" + messages.map { "  " + $0 }.joined(separator: "\n")
        case .invalidEntry(let number, let messages):
            return "entry \(number): " + AddError.invalid(messages).description
        case .duplicate(let description):
            return "the paper is already in the list: \(description); add --allow-duplicate to add it anyway"
        case .changesSurroundings:
            return "the entry would change how the list around it renders (a table or paragraph next to it would read it as its own); add a blank line there first, or place it by hand; nothing was written"
        case .generatedRegion(let name, let lines):
            return "the entry's place is inside the \(name) region (lines \(lines.lowerBound)–\(lines.upperBound)), which a script writes between its two HTML comments and would write over: add the paper to the script's data instead; nothing was written"
        case .wouldAddFindings(let findings):
            return "the entry would make `fmadd check` report:\n" + findings.map { "  " + $0 }.joined(separator: "\n")
                + "\nnothing was written"
        }
    }
}
