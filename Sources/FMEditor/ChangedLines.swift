/// The lines of a new version of a file that are not in the old one: what a commit adds or
/// changes, for a check that should not hold a contributor to the list's older problems.
public enum ChangedLines {
    public static func of(old: [UInt8], new: [UInt8]) -> Set<Int> {
        let a = UnifiedDiff.lines(old), b = UnifiedDiff.lines(new)
        var ops: [UnifiedDiff.Op] = []
        UnifiedDiff.match(a, 0..<a.count, b, 0..<b.count, into: &ops)
        var changed = Set<Int>()
        for op in ops {
            if case .insert(let j) = op { changed.insert(j + 1) }
        }
        return changed
    }
}
