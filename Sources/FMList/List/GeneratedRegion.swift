/// A part of a list that a script writes, between two HTML comments: `<!-- PAPERS:BEGIN -->` …
/// `<!-- PAPERS:END -->` (or `:START`), or `<!-- START doctoc … -->` … `<!-- END doctoc … -->`.
/// The script writes it again on its next run, so a hand edit there is lost: fmadd reports
/// nothing in it, fixes nothing in it and adds nothing to it.
public struct GeneratedRegion: Hashable, Sendable {
    public var name: String
    /// From the opening comment's line to the closing one's.
    public var lines: ClosedRange<Int>

    enum Edge { case begin, end }

    /// The regions of `document`, in line order; a marker without its pair makes none.
    static func all(in document: Document) -> [GeneratedRegion] {
        var open: [(name: String, line: Int)] = []
        var regions: [GeneratedRegion] = []
        for block in document.blocks where block.kind == .htmlBlock {
            for line in block.lines {
                guard let marker = marker(in: document.lineText(line)) else { continue }
                switch marker.edge {
                case .begin:
                    open.append((marker.name, line))
                case .end:
                    guard let index = open.lastIndex(where: { $0.name == marker.name }) else { continue }
                    regions.append(GeneratedRegion(name: marker.name, lines: open[index].line...line))
                    open.removeSubrange(index...)
                }
            }
        }
        return regions.sorted { $0.lines.lowerBound < $1.lines.lowerBound }
    }

    /// `<!-- NAME:BEGIN … -->`, `<!-- NAME:START -->`, `<!-- NAME:END -->`, `<!-- START name … -->`
    /// or `<!-- END name … -->` alone on its line: the region's name (in upper case) and edge.
    static func marker(in line: String) -> (name: String, edge: Edge)? {
        let text = line.trimmingWhitespace()
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        let words = text.dropFirst(4).dropLast(3).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return nil }
        func edge(_ word: Substring) -> Edge? {
            switch word.uppercased() {
            case "BEGIN", "START": return .begin
            case "END": return .end
            default: return nil
            }
        }
        if let colon = first.lastIndex(of: ":") {
            let name = first[..<colon]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
                  let found = edge(first[first.index(after: colon)...]) else { return nil }
            return (name.uppercased(), found)
        }
        guard words.count > 1, let found = edge(first) else { return nil }
        return (words[1].uppercased(), found)
    }
}
