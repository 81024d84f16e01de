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
        // Every invisible character is outside ASCII: most titles need no closer look.
        if value.utf8.allSatisfy({ $0 < Byte.firstNonASCII }) { return [] }
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
    /// Parentheses in pairs, none inside another (`…/PIIS2589-7500(23)00048-1/fulltext`), are
    /// kept: a link destination may hold them, and the publisher's address is the one written.
    static func safeLink(_ url: String) -> String {
        // Most links have none of them (and every one is ASCII): they are kept as they are.
        guard url.utf8.contains(where: { $0 < Byte.firstNonASCII && linkEndingBytes[Int($0)] }) else { return url }
        let keepsParentheses = parenthesesArePairs(url)
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "(" where keepsParentheses, ")" where keepsParentheses:
                result.unicodeScalars.append(scalar)
            case "(", ")", "[", "]", "<", ">", "|", "\"", "`", "\\", "{", "}", "^":
                result += "%" + String(scalar.value, radix: 16, uppercase: true)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Every `(` of `url` closed by the next `)`, before the next `(`: what the entry schema's
    /// link accepts.
    static func parenthesesArePairs(_ url: String) -> Bool {
        var open = false
        for byte in url.utf8 {
            if byte == UInt8(ascii: "(") {
                if open { return false }
                open = true
            } else if byte == UInt8(ascii: ")") {
                if !open { return false }
                open = false
            }
        }
        return !open
    }

    private static let linkEndingBytes: [Bool] = (0..<128).map { "()[]<>|\"`\\{}^".utf8.contains(UInt8($0)) }

    /// Why the written `line` of a paper would not show as one entry with exactly `links`; nil
    /// when it does. The text GitHub shows must be the line's own text, each link replaced by
    /// its label.
    /// With `allowingBold`, for a list whose entries write their venue or title in bold, `**`
    /// around a part of the text is what the list means and not a problem.
    static func renderingProblem(ofEntry line: String, links: [String], allowingBold: Bool = false) -> String? {
        if line.hasPrefix("**"), let first = line.split(separator: "\n").first,
           PaperCard.lineBreaks.contains(where: { String(first).trimmingWhitespace().hasSuffix($0) }) {
            return renderingProblem(ofCard: line, links: links)
        }
        guard line.utf8.contains(Byte.lineFeed) else {
            return problem(ofEntry: line, links: links, rendered: RenderedInlines.ofListItem(line), allowingBold: allowingBold)
        }
        let parts = parts(ofEntry: line)
        // A star marks an equal contribution, as the list writes it.
        if let authors = parts.authors, let problem = renderingProblem(ofEntry: "- " + authors.filter { $0 != "*" }, links: []) {
            return problem
        }
        return renderingProblem(ofEntry: parts.item, links: links, allowingBold: allowingBold)
    }

    /// Why a paper card would not show as its fields: one paragraph linking exactly `links`, each
    /// line's field (inside its bold or emphasis) plain text, as an entry's would be.
    static func renderingProblem(ofCard text: String, links: [String]) -> String? {
        guard let rendered = RenderedInlines.ofParagraph(text) else {
            return "it would not be one paragraph of text (a title must not start a heading, a quote, a list or an HTML block)"
        }
        guard rendered.links.map(\.url) == links else {
            let shown = rendered.links.map(\.url).joined(separator: ", ")
            return "it would link to \(shown.isEmpty ? "nothing" : shown), not to exactly \(links.joined(separator: ", "))"
        }
        for line in text.split(separator: "\n") {
            var field = PaperCard.withoutLineBreak(String(line))
            for stars in ["**", "*"] where field.count > 2 * stars.count && field.hasPrefix(stars) && field.hasSuffix(stars) {
                field = String(field.dropFirst(stars.count).dropLast(stars.count))
                break
            }
            let linked = links.filter { field.contains("](" + $0 + ")") }
            if let problem = renderingProblem(ofEntry: "- " + field, links: linked) { return problem }
        }
        return nil
    }

    /// An entry of several lines as GitHub reads it: the item's own lines as one (a line break
    /// shows as a space), and the authors of its authors item (its venue is the schema's).
    static func parts(ofEntry text: String) -> (item: String, authors: String?) {
        var item: [String] = []
        var authors: String?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8)
            if index > 0, let marker = EntryParser.marker(in: bytes[...]) {
                authors = Byline.parse(String(decoding: bytes[marker.contentStart...], as: UTF8.self).trimmingWhitespace())?.authors
                break
            }
            item.append(index == 0 ? String(line).trimmingTrailingWhitespace() : String(line).trimmingWhitespace())
        }
        return (item.joined(separator: " "), authors)
    }

    /// The same for many entries, read on all cores; an entry of plain text needs no reading.
    static func renderingProblems(ofEntries entries: [(line: String, links: [String], title: String, venue: String?)],
                                  allowingBold: Bool = false) -> [String?] {
        // An entry of several lines is read on its own.
        let plain = entries.parallelMap { $0.line.utf8.contains(Byte.lineFeed) || isPlainEntry($0.line, title: $0.title, venue: $0.venue, links: $0.links) }
        let toRead = entries.indices.filter { !plain[$0] }
        let rendered = RenderedInlines.ofListItems(toRead.map { entries[$0].line })
        var problems = [String?](repeating: nil, count: entries.count)
        for index in entries.indices where entries[index].line.utf8.contains(Byte.lineFeed) {
            problems[index] = renderingProblem(ofEntry: entries[index].line, links: entries[index].links, allowingBold: allowingBold)
        }
        for (k, index) in toRead.enumerated() {
            problems[index] = problem(ofEntry: entries[index].line, links: entries[index].links, rendered: rendered[k], allowingBold: allowingBold)
        }
        return problems
    }

    /// Whether an entry line written as `- [Venue] Title. [[Label]](url) …` is plain text around
    /// its links: no character that starts inline Markdown or HTML (emphasis, code, links,
    /// images, entities, escapes, strikethrough), no autolink (a scheme, `www.`, an address with
    /// `@`), and a title that cannot start a block. GitHub then shows exactly its text and links,
    /// and the line need not be parsed to know it; any other line is. Read as bytes: it runs for
    /// every entry of `add --from`.
    static func isPlainEntry(_ line: String, title: String, venue: String?, links: [String]) -> Bool {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count && (Byte.isBlank(bytes[i])) { i += 1 }
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "*"), bytes[i + 1] == Byte.space else { return false }
        i += 2
        func take<Part: Collection<UInt8>>(_ part: Part) -> Bool {
            guard bytes.count - i >= part.count else { return false }
            var j = i
            for byte in part {
                if bytes[j] != byte { return false }
                j += 1
            }
            i = j
            return true
        }
        let titleBytes = Array(title.utf8)
        if let venue {
            let venueBytes = Array(venue.utf8)
            guard isPlainText(venueBytes), take(CollectionOfOne(UInt8(ascii: "["))), take(venueBytes), take("] ".utf8) else { return false }
        } else if let first = titleBytes.first, blockStarts.contains(first) {
            return false
        }
        guard isPlainText(titleBytes), take(titleBytes) else { return false }
        // The rest: labels in brackets, separators, and exactly the given links' `](url)`.
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count - i)
        var next = 0
        while i < bytes.count {
            let start = i
            if next < links.count, bytes[i] == UInt8(ascii: "]") {
                if take("](".utf8), take(links[next].utf8), take(CollectionOfOne(UInt8(ascii: ")"))) {
                    next += 1
                    text.append(Byte.space)
                    continue
                }
                i = start
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") {
                if byte == UInt8(ascii: "]"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "(") { return false }
                text.append(Byte.space)
            } else {
                text.append(byte)
            }
            i += 1
        }
        return next == links.count && isPlainText(text)
    }

    /// The first characters of a title that could start a block when no venue comes before it.
    private static let blockStarts = Array("#>-+*=0123456789".utf8)

    /// The inline characters of Markdown, HTML and GitHub's extensions that make text more than
    /// text, as a table of 128 flags.
    private static let markupBytes: [Bool] = (0..<128).map { "*_`[]!<>&\\~|@".utf8.contains(UInt8($0)) || $0 < Byte.space || $0 == Byte.delete }

    /// One pass over the bytes: markup, control characters, invisible characters, and the
    /// starts of GitHub's autolinks (`://`, `www.`, `http:`, `https:`, `mailto:`, `ftp:`).
    private static func isPlainText(_ bytes: [UInt8]) -> Bool {
        var ascii = true
        for (index, byte) in bytes.enumerated() {
            guard byte < Byte.firstNonASCII else { ascii = false; continue }
            if markupBytes[Int(byte)] { return false }
            if byte == UInt8(ascii: ":") {
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { return false }
                for scheme in autolinkSchemes where endsWith(bytes, before: index, scheme) { return false }
            } else if byte == UInt8(ascii: "."), endsWith(bytes, before: index, www) {
                return false
            }
        }
        return ascii || !String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { isInvisible($0) || ($0.value >= 0x80 && $0.value <= 0x9F) }
    }

    private static let autolinkSchemes = ["http", "https", "mailto", "ftp"].map { Array($0.utf8) }
    private static let www = Array("www".utf8)

    /// Whether the bytes before `end`, lower-cased, are `word`.
    private static func endsWith(_ bytes: [UInt8], before end: Int, _ word: [UInt8]) -> Bool {
        guard end >= word.count else { return false }
        for (offset, letter) in word.enumerated() {
            let byte = bytes[end - word.count + offset]
            if (byte >= 65 && byte <= 90 ? byte + 32 : byte) != letter { return false }
        }
        return true
    }

    private static func problem(ofEntry line: String, links: [String], rendered: RenderedInlines?, allowingBold: Bool) -> String? {
        guard let rendered else {
            return "it would not be one list item of text (a title must not start a heading, a quote, a list or an HTML block)"
        }
        var body = Substring(line.drop { $0 == " " || $0 == "\t" })
        body = body.drop { $0 != " " }.drop { $0 == " " }
        guard allowingBold, body.contains("**") else { return problem(rendered, expectedText: String(body), links: links) }
        // GitHub shows `**Name**` as Name in bold: the text read is the line's without the stars.
        var shown = rendered
        shown.markup.removeAll { $0 == "strong" }
        return problem(shown, expectedText: body.replacingOccurrences(of: "**", with: ""), links: links)
    }

    /// The same for a new table row read under the table's header and delimiter rows.
    /// With `allowingBold`, `**Name**` in a cell is the table's own emphasis (a paper table's `**Name**: Title`).
    static func renderingProblem(ofRow row: String, header: String, delimiter: String, links: [String], allowingBold: Bool = false) -> String? {
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
        var expected = texts.joined(separator: "|")
        if allowingBold, expected.contains("**") {
            merged.markup.removeAll { $0 == "strong" }
            expected = expected.replacingOccurrences(of: "**", with: "")
        }
        return problem(merged, expectedText: expected, links: links)
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
            guard let end = expected.firstRange(of: "](" + link.url + ")"),
                  let start = expected[..<end.lowerBound].lastIndex(of: "[") else { continue }
            expected.replaceSubrange(start..<end.upperBound, with: expected[expected.index(after: start)..<end.lowerBound])
        }
        guard rendered.text == (expected.contains("\\") ? unescaped(expected) : expected) else {
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
            // A row goes after a table's alignment row: among its body rows or after the last.
            if rows, block.kind == .table, touching.contains(where: { $0.at >= block.lines.lowerBound + 2 && $0.at <= block.lines.upperBound + 1 }) { continue }
            if touching.contains(where: { $0.at > block.lines.lowerBound && $0.at <= block.lines.upperBound }) { return false }
            guard blocksOfNew[moved(block.lines.lowerBound)...moved(block.lines.upperBound)] == block.kind else { return false }
        }
        return true
    }
}
