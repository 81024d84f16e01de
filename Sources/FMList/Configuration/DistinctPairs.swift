import Foundation
import Yams

/// Adds pairs to `distinct:` in the text of a `.fmadd.yml`, keeping the rest of the user's file
/// (comments, order, spelling) as it is.
///
/// Each pair is written by Yams as a flow list of double-quoted scalars, so a title holding a
/// quote, a backslash or a control character (`\a`, `\e`) is escaped as YAML requires; the text
/// is never built by hand. The new items go at the end of the existing block list (or under a new
/// `distinct:` key at the end of the file); the file is not re-dumped, which would drop its
/// comments. The result is read back: when it does not hold every old and new pair (a flow-style
/// `distinct: [...]`, say), nothing is returned to write and the error says what to add by hand.
public enum DistinctPairs {
    /// `text` with `pairs` added to its `distinct:` list.
    public static func adding(_ pairs: [[String]], to text: String, path: String = Configuration.fileName) throws(ListError) -> String {
        guard !pairs.isEmpty else { return text }
        let items: [String]
        do { items = try pairs.map(item) } catch {
            throw .configuration(path: path, reason: "cannot write the pairs as YAML (\(error))")
        }
        let before = try Configuration.parse(yaml: text, path: path)
        var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let lineEnding = text.contains("\r\n") ? "\r" : ""
        if let at = lines.firstIndex(where: { $0.hasPrefix("distinct:") }) {
            // The block list under the key: its items and what continues them, up to the next key.
            var end = at + 1
            while end < lines.count && (lines[end].hasPrefix(" ") || lines[end].hasPrefix("-") || lines[end].hasPrefix("\t")) { end += 1 }
            while end > at + 1 && lines[end - 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { end -= 1 }
            lines.insert(contentsOf: items.map { "  - " + $0 + lineEnding }, at: end)
        } else {
            lines += ["distinct:" + lineEnding] + items.map { "  - " + $0 + lineEnding }
        }
        let result = lines.joined(separator: "\n") + "\n"
        let expected = before.distinct + pairs
        guard let after = try? Configuration.parse(yaml: result, path: path), after.distinct == expected else {
            throw .configuration(path: path, reason: "cannot add to its distinct: list without rewriting it; add these items to it: "
                                 + items.map { "- " + $0 }.joined(separator: ", "))
        }
        return result
    }

    /// One pair as a YAML flow list, `["Title one", "Title \a two"]`, serialised by Yams.
    private static func item(_ pair: [String]) throws -> String {
        let scalars = pair.map { Node.scalar(Node.Scalar($0, Tag(.str), .doubleQuoted)) }
        let node = Node.sequence(Node.Sequence(scalars, Tag(.seq), .flow))
        let text = try Yams.serialize(node: node, width: -1, allowUnicode: true)
        return text.trimmingCharacters(in: .newlines)
    }
}
