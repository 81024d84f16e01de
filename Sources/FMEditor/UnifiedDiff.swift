import FMList
/// A unified diff (`diff -u`) of two texts, found with patience diff: lines that occur once on
/// each side anchor the match, which keeps large, mostly equal lists fast and the hunks readable.
public enum UnifiedDiff {
    enum Op: Equatable { case equal(Int, Int), delete(Int), insert(Int) }

    public static func make(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        var ops: [Op] = []
        match(a, 0..<a.count, b, 0..<b.count, into: &ops)
        return render(ops, a, b, path: path, context: context)
    }

    /// Lines with their terminators, so that a changed line ending shows as a change.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == Byte.lineFeed {
            result.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    static func match(_ a: [ArraySlice<UInt8>], _ ra: Range<Int>, _ b: [ArraySlice<UInt8>], _ rb: Range<Int>, into ops: inout [Op]) {
        var lowA = ra.lowerBound, lowB = rb.lowerBound, highA = ra.upperBound, highB = rb.upperBound
        while lowA < highA && lowB < highB && a[lowA] == b[lowB] { ops.append(.equal(lowA, lowB)); lowA += 1; lowB += 1 }
        var tail: [Op] = []
        while highA > lowA && highB > lowB && a[highA - 1] == b[highB - 1] { highA -= 1; highB -= 1; tail.append(.equal(highA, highB)) }
        if lowA == highA || lowB == highB {
            ops += (lowA..<highA).map { .delete($0) } + (lowB..<highB).map { .insert($0) }
        } else {
            let anchors = uniqueAnchors(a, lowA..<highA, b, lowB..<highB)
            if anchors.isEmpty {
                ops += (lowA..<highA).map { .delete($0) } + (lowB..<highB).map { .insert($0) }
            } else {
                var pa = lowA, pb = lowB
                for (ia, ib) in anchors {
                    match(a, pa..<ia, b, pb..<ib, into: &ops)
                    ops.append(.equal(ia, ib))
                    pa = ia + 1
                    pb = ib + 1
                }
                match(a, pa..<highA, b, pb..<highB, into: &ops)
            }
        }
        ops += tail.reversed()
    }

    /// Pairs of lines unique on both sides, in the longest order that agrees on both sides.
    private static func uniqueAnchors(_ a: [ArraySlice<UInt8>], _ ra: Range<Int>, _ b: [ArraySlice<UInt8>], _ rb: Range<Int>) -> [(Int, Int)] {
        var countA: [ArraySlice<UInt8>: (Int, Int)] = [:]
        for i in ra { countA[a[i], default: (0, i)].0 += 1 }
        var countB: [ArraySlice<UInt8>: (Int, Int)] = [:]
        for j in rb { countB[b[j], default: (0, j)].0 += 1 }
        var pairs: [(Int, Int)] = []
        for i in ra {
            guard let (na, _) = countA[a[i]], na == 1, let (nb, j) = countB[a[i]], nb == 1 else { continue }
            pairs.append((i, j))
        }
        // Longest increasing subsequence of the b positions (patience sorting).
        var piles: [Int] = []  // index into pairs of each pile's top
        var previous = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var low = 0, high = piles.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[piles[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[k] = piles[low - 1] }
            if low == piles.count { piles.append(k) } else { piles[low] = k }
        }
        var result: [(Int, Int)] = []
        var k = piles.last ?? -1
        while k >= 0 { result.append(pairs[k]); k = previous[k] }
        return result.reversed()
    }

    private static func render(_ ops: [Op], _ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>], path: String, context: Int) -> String {
        let changed = ops.indices.filter { if case .equal = ops[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return "" }
        let shown = path.hasPrefix("/") ? String(path.dropFirst()) : path
        var out = "--- a/\(shown)\n+++ b/\(shown)\n"
        var k = 0
        while k < changed.count {
            var first = max(0, changed[k] - context)
            var last = min(ops.count - 1, changed[k] + context)
            while k + 1 < changed.count && changed[k + 1] - context <= last + 1 {
                k += 1
                last = min(ops.count - 1, changed[k] + context)
            }
            first = max(first, 0)
            var lineA = 0, lineB = 0, countA = 0, countB = 0
            var body = ""
            for op in ops[first...last] {
                switch op {
                case .equal(let i, let j):
                    if countA == 0 && countB == 0 { lineA = i; lineB = j }
                    body += " " + text(a[i])
                    countA += 1; countB += 1
                case .delete(let i):
                    if countA == 0 && countB == 0 { lineA = i; lineB = nextB(ops, from: first, b: b.count) }
                    body += "-" + text(a[i])
                    countA += 1
                case .insert(let j):
                    if countA == 0 && countB == 0 { lineB = j; lineA = nextA(ops, from: first, a: a.count) }
                    body += "+" + text(b[j])
                    countB += 1
                }
            }
            out += "@@ -\(countA == 0 ? lineA : lineA + 1),\(countA) +\(countB == 0 ? lineB : lineB + 1),\(countB) @@\n" + body
            k += 1
        }
        return out
    }

    private static func nextB(_ ops: [Op], from: Int, b: Int) -> Int {
        for op in ops[from...] {
            switch op {
            case .equal(_, let j), .insert(let j): return j
            case .delete: continue
            }
        }
        return b
    }

    private static func nextA(_ ops: [Op], from: Int, a: Int) -> Int {
        for op in ops[from...] {
            switch op {
            case .equal(let i, _), .delete(let i): return i
            case .insert: continue
            }
        }
        return a
    }

    private static func text(_ line: ArraySlice<UInt8>) -> String {
        let string = String(decoding: line, as: UTF8.self)
        return string.hasSuffix("\n") ? string : string + "\n\\ No newline at end of file\n"
    }
}
