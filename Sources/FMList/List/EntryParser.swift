/// Reads a list item as `[Venue] Title. [[Paper]](url) [[Code]](url)`.
public enum EntryParser {
    /// The list marker of a line: leading white space, the marker (`-`, `*`, `+`, `1.`, `1)`), and
    /// the byte offset where the item's text starts.
    public struct Marker: Sendable {
        public var indent: String
        public var marker: String
        public var contentStart: Int
    }

    public static func marker(in bytes: ArraySlice<UInt8>) -> Marker? {
        let base = bytes.startIndex
        var i = base
        while i < bytes.endIndex && (Byte.isBlank(bytes[i])) { i += 1 }
        let indentEnd = i
        guard i < bytes.endIndex else { return nil }
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "*") || bytes[i] == UInt8(ascii: "+") {
            i += 1
        } else {
            while i < bytes.endIndex && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i > indentEnd, i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")") else { return nil }
            i += 1
        }
        let markerEnd = i
        guard i == bytes.endIndex || Byte.isBlank(bytes[i]) else { return nil }
        while i < bytes.endIndex && (Byte.isBlank(bytes[i])) { i += 1 }
        return Marker(indent: String(decoding: bytes[base..<indentEnd], as: UTF8.self),
                      marker: String(decoding: bytes[indentEnd..<markerEnd], as: UTF8.self),
                      contentStart: i - base)
    }

    /// The entry in `lines`, whose links (`links[line - 1]`) are already found.
    static func parse(document: Document, lines: ClosedRange<Int>, links linksByLine: [[InlineLink]],
                      labelWords: Set<String>, hasChildren: Bool) -> Entry {
        let firstLine = lines.lowerBound
        let bytes = Array(document.lineBytes(firstLine))
        let marker = marker(in: bytes[...]) ?? Marker(indent: "", marker: "", contentStart: 0)
        var entry = Entry(blockIndex: 0, line: firstLine, lines: lines, indent: marker.indent, marker: marker.marker,
                          nesting: 0, venue: nil, title: nil, titleColumn: 0, links: [], linkSeparator: nil,
                          section: nil, category: nil, yearGroup: nil, shape: .unparsed)
        var position = marker.contentStart
        // `[Venue]` not followed by `(` is the venue tag.
        if position < bytes.count, bytes[position] == UInt8(ascii: "["),
           let close = InlineLinkScanner.matching(bytes, from: position, open: UInt8(ascii: "["), close: UInt8(ascii: "]")),
           close + 1 == bytes.count || bytes[close + 1] != UInt8(ascii: "("),
           bytes[position + 1] != UInt8(ascii: "[") {
            entry.venue = String(decoding: bytes[(position + 1)..<close], as: UTF8.self)
            position = close + 1
            while position < bytes.count && bytes[position] == Byte.space { position += 1 }
        }
        var firstLinkStart: Int?
        // A title wrapped onto the next lines (a soft line break) goes on to the first link.
        var titleLines: [ArraySlice<UInt8>] = []
        var previousLinkEnd: Int?
        for line in lines {
            let lineBytes = line == firstLine ? bytes : Array(document.lineBytes(line))
            let links = linksByLine[line - 1].filter { !$0.isImage }
            func labelled(_ link: InlineLink) -> Bool {
                link.label != nil || link.wrapped || labelWords.contains((link.label ?? link.text).lowercased())
            }
            // A one-word link after the title that only spaces or commas part from a labelled one
            // after it is one of the entry's too (`[github](u) [paper](u)`), read from the last
            // link back; a linked title (`[A title](u) [[code]](u)`) stays the title.
            var beforeALabel = [Bool](repeating: false, count: links.count)
            for k in links.indices.dropLast().reversed() {
                let gap = lineBytes[min(links[k].outerEnd, links[k + 1].outerStart)..<links[k + 1].outerStart]
                let titleBefore = line != firstLine || !lineBytes[min(position, links[k].outerStart)..<links[k].outerStart].allSatisfy(Byte.isBlank)
                beforeALabel[k] = (labelled(links[k + 1]) || beforeALabel[k + 1]) && titleBefore && !links[k].text.contains(" ")
                    && gap.allSatisfy { $0 == Byte.space || $0 == UInt8(ascii: ",") }
            }
            for (k, link) in links.enumerated() {
                if line == firstLine && link.outerStart < position { continue }
                let label = link.label ?? link.text
                // `[[paper](url)]` names its link as `[[Paper]](url)` does.
                // After a labelled link, any link on its line is one of the entry's (`[paper](u) [database](u)`).
                let afterALabel = entry.links.last?.line == line
                guard labelled(link) || afterALabel || beforeALabel[k] else { continue }
                if line == firstLine && firstLinkStart == nil { firstLinkStart = link.outerStart }
                if entry.links.isEmpty && line != firstLine { titleLines.append(lineBytes[..<link.outerStart]) }
                if entry.links.count == 1, line == entry.links[0].line, let end = previousLinkEnd, end <= link.outerStart {
                    entry.linkSeparator = String(decoding: lineBytes[end..<link.outerStart], as: UTF8.self)
                }
                entry.links.append(EntryLink(label: label, url: link.target, line: line, offset: link.start,
                                             column: Column.of(byteOffset: link.start, in: lineBytes),
                                             targetColumn: Column.of(byteOffset: link.targetStart + 1, in: lineBytes),
                                             doubleBracket: link.label != nil, wrapped: link.wrapped))
                previousLinkEnd = link.outerEnd
            }
            if line != firstLine && entry.links.isEmpty { titleLines.append(lineBytes[...]) }
        }
        let titleEnd = firstLinkStart ?? bytes.count
        if position < titleEnd {
            // Trimmed as bytes, so that the title is decoded once.
            var title = String(decoding: bytes[position..<titleEnd].trimmingSpacesAndTabs(), as: UTF8.self)
            if firstLinkStart == nil, !entry.links.isEmpty, !title.isEmpty {
                for part in titleLines.map({ $0.trimmingSpacesAndTabs() }) where !part.isEmpty { title += " " + String(decoding: part, as: UTF8.self) }
            }
            if !title.isEmpty {
                entry.title = title
                entry.titleColumn = Column.of(byteOffset: position, in: bytes)
            }
        }
        let allLinksEmpty = entry.links.allSatisfy { $0.url.isEmpty }
        switch (entry.title, entry.links.isEmpty) {
        case (nil, _) where allLinksEmpty && entry.venue == nil: entry.shape = .placeholder
        case (.some, false): entry.shape = .entry
        case (.some(let title), true) where hasChildren || title.hasSuffix(":"): entry.shape = .group
        default: entry.shape = .unparsed
        }
        return entry
    }
}
