import FMList

/// Holds a new entry's fields to what they are: a title or a name is text, a link is one link.
enum EntryText {
    /// Characters that do not show but change what a reader sees or what a search finds:
    /// zero-width characters, bidirectional marks, embeddings, overrides and isolates, and the
    /// byte order mark.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0x061C, 0xFEFF, 0x00AD, 0x180E: return true
        default: return false
        }
    }

    /// A finding for each invisible character of a field, with its position (1-based, in characters).
    static func invisibleCharacters(in value: String, field: String) -> [String] {
        var messages: [String] = []
        for (offset, character) in value.enumerated() {
            for scalar in character.unicodeScalars where isInvisible(scalar) {
                let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                messages.append("\(field) has an invisible character \(code) at character \(offset + 1); remove it")
            }
        }
        return messages
    }

    /// `url` with the characters that could end a Markdown link or a table cell, or start
    /// markup, percent-encoded: `https://example.org/a)[x](javascript:…)` stays one link.
    static func safeLink(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "(", ")", "[", "]", "<", ">", "|", "\"", "`", "\\", "{", "}", "^":
                result += "%" + String(scalar.value, radix: 16, uppercase: true)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Why the written `line` of a paper would not show as one entry with exactly `links`; nil
    /// when it does. The text GitHub shows must be the line's own text, each link replaced by
    /// its label.
    static func renderingProblem(ofEntry line: String, links: [String]) -> String? {
        guard let rendered = RenderedInlines.ofListItem(line) else {
            return "it would not be one list item of text (a title must not start a heading, a quote, a list or an HTML block)"
        }
        var body = Substring(line.drop { $0 == " " || $0 == "\t" })
        body = body.drop { $0 != " " }.dropFirst()
        return problem(rendered, expectedText: String(body), links: links)
    }

    /// The same for a new table row read under the table's header and delimiter rows.
    static func renderingProblem(ofRow row: String, header: String, delimiter: String, links: [String]) -> String? {
        guard let cells = RenderedInlines.ofTableRow(header: header, delimiter: delimiter, row: row) else {
            return "the row would not read as a row of its table"
        }
        var written = row.trimmingWhitespace()
        if written.hasPrefix("|") { written.removeFirst() }
        if written.hasSuffix("|") { written.removeLast() }
        let texts = written.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard texts.count == cells.count else { return "the row would have \(cells.count) cells, not \(texts.count)" }
        var merged = RenderedInlines()
        merged.text = cells.map(\.text).joined(separator: "|")
        merged.links = cells.flatMap(\.links)
        merged.markup = cells.flatMap(\.markup)
        return problem(merged, expectedText: texts.joined(separator: "|"), links: links)
    }

    private static func problem(_ rendered: RenderedInlines, expectedText: String, links: [String]) -> String? {
        if let markup = rendered.markup.first {
            return "its text would show as Markdown or HTML (\(markup.replacingOccurrences(of: "_", with: " "))), not as written: escape the character that starts it with \\"
        }
        guard rendered.links.map(\.url) == links else {
            let shown = rendered.links.map(\.url).joined(separator: ", ")
            return "it would link to \(shown.isEmpty ? "nothing" : shown), not to exactly \(links.joined(separator: ", "))"
        }
        var expected = expectedText
        for link in rendered.links {
            // `[Label](url)` shows as `Label`.
            guard let end = expected.range(of: "](" + link.url + ")"),
                  let start = expected[..<end.lowerBound].lastIndex(of: "[") else { continue }
            expected.replaceSubrange(start..<end.upperBound, with: expected[expected.index(after: start)..<end.lowerBound])
        }
        guard rendered.text == unescaped(expected) else {
            return "its text would show as \"\(rendered.text)\", not as written: a character of the title or name is Markdown (escape it with \\)"
        }
        return nil
    }

    /// Markdown's backslash escapes of ASCII punctuation undone, as a reader sees them.
    private static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { result.append("\\") }
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

extension Document {
    /// Whether every top-level block of `self` outside the lines inserted (`count` lines before
    /// line `at`, for each insertion) is still a block of the same kind on the same lines, moved
    /// by what was inserted above it, in `new`: what GitHub shows around new entries stays as it
    /// was. A list an entry joins may grow.
    /// A table may grow too when `rows` are what is inserted, appended to it.
    func blocksAround(insertions: [(at: Int, count: Int)], keptIn new: Document, rows: Bool = false) -> Bool {
        let sorted = insertions.sorted { $0.at < $1.at }
        // Lines inserted before each insertion point and after, for a binary search.
        let inserted = sorted.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        func moved(_ line: Int) -> Int {
            var low = 0, high = sorted.count
            while low < high { let mid = (low + high) / 2; if sorted[mid].at <= line { low = mid + 1 } else { high = mid } }
            return line + inserted[low]
        }
        var blocksOfNew: [ClosedRange<Int>: BlockKind] = [:]
        for index in new.topLevel { blocksOfNew[new.blocks[index].lines] = new.blocks[index].kind }
        var next = 0
        for index in topLevel {
            let block = blocks[index]
            while next < sorted.count && sorted[next].at < block.lines.lowerBound { next += 1 }
            // The insertions that touch this block: inside it, right after it, or right before it.
            let touching = sorted[max(0, next - 1)..<min(sorted.count, next + 1)].filter {
                $0.at > block.lines.lowerBound - 1 && $0.at <= block.lines.upperBound + 1
            }
            if block.kind == .blank { continue }
            if case .list = block.kind, !touching.isEmpty { continue }
            if rows, block.kind == .table, touching.contains(where: { $0.at == block.lines.upperBound + 1 }) { continue }
            if touching.contains(where: { $0.at > block.lines.lowerBound && $0.at <= block.lines.upperBound }) { return false }
            guard blocksOfNew[moved(block.lines.lowerBound)...moved(block.lines.upperBound)] == block.kind else { return false }
        }
        return true
    }
}
