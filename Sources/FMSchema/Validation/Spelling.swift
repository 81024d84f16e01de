/// The nearest of a few known words to a misspelt one, for "did you mean …?" in messages.
public enum Spelling {
    /// The candidate that differs from `name` only in letter case, or else the one nearest by
    /// edit distance (Levenshtein), when it is at most 2 edits away (1 for names shorter than 4).
    public static func closest(to name: String, among candidates: [String]) -> String? {
        if let sameLetters = candidates.first(where: { $0.lowercased() == name.lowercased() }) { return sameLetters }
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= (name.count >= 4 ? 2 : 1) else { return nil }
        return best.0
    }

    /// The number of insertions, deletions and substitutions of characters that turn `left` into `right`.
    public static func editDistance(_ left: String, _ right: String) -> Int {
        let left = Array(left)
        let right = Array(right)
        var previous = Array(0 ... right.count)
        for (row, leftCharacter) in left.enumerated() {
            var current = [row + 1]
            for (column, rightCharacter) in right.enumerated() {
                let substitution = previous[column] + (leftCharacter == rightCharacter ? 0 : 1)
                current.append(Swift.min(substitution, previous[column + 1] + 1, current[column] + 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
