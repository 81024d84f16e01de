import FMList

/// A link whose target is another link, has a space in it, or is a host name without a scheme.
public struct MalformedLinkRule: Rule {
    public static let description = RuleDescription(
        id: "malformed-link",
        summary: "Link targets are URLs: no link inside a target, no spaces, a scheme for other sites.",
        rationale: """
            `[A]([https://a](https://b))` renders as broken text, and `[*](nihcc.app.box.com)` is a \
            path inside this repository on GitHub, not the site it names. Only a person knows which \
            URL was meant, except for a bare host name, which `fmadd fix` turns into its https URL.
            """,
        severity: .error,
        passing: [
            "[Site](https://nihcc.app.box.com) [Local](./files/a.pdf) [Anchor](#methods) [Mail](mailto:a@b.org)\n",
            "![Figure](figs/main.png)\n",
        ],
        failing: [
            "| Name | Link |\n| --- | --- |\n|[CellxGene](↓[https://a.org/x](https://b.org/y)) | x |\n",
            "| Name | Link |\n| --- | --- |\n| DeepLesion |[*](↓nihcc.app.box.com)|\n",
            "- 医学🩺 [Site](↓www.example.com/data)\n",
        ],
        fixes: [
            (before: "| Name | Link |\n| --- | --- |\n| DeepLesion |[*](nihcc.app.box.com)|\n",
             after: "| Name | Link |\n| --- | --- |\n| DeepLesion |[*](https://nihcc.app.box.com)|\n"),
        ])

    /// Endings of host names that mark a scheme-less target as another site rather than a file.
    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "edu", "gov", "io", "ai", "co", "uk", "cn", "de", "jp", "fr", "info",
        "me", "dev", "app", "ac", "us", "ca", "au", "in", "kr", "eu", "ch", "nl", "se", "it", "es", "ru", "br",
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for line in context.linesWithLinks where !context.isVerbatim(line) {
            let bytes = context.document.lineBytes(line)
            for link in context.links(onLine: line) where !link.target.isEmpty {
                guard let problem = Self.problem(with: link.target) else { continue }
                let targetOffset = link.targetStart + 1 + leadingSpace(bytes, after: link.targetStart + 1)
                let column = Column.of(byteOffset: targetOffset, in: bytes)
                // A host name without a scheme has one obvious meaning: the https site.
                var fix: Fix?
                if problem.contains("has no scheme") {
                    let line0 = Array(bytes)
                    let fixed = String(decoding: line0[..<targetOffset], as: UTF8.self) + "https://" + String(decoding: line0[targetOffset...], as: UTF8.self)
                    fix = Fix("add https:// to the link target", edits: [.replace(line: line, with: fixed)])
                }
                findings.append(finding(problem, line: line, column: column, fix: fix))
            }
        }
        return findings
    }

    private func leadingSpace(_ bytes: ArraySlice<UInt8>, after offset: Int) -> Int {
        var n = 0
        while offset + n < bytes.count, bytes[bytes.startIndex + offset + n] == Byte.space { n += 1 }
        return n
    }

    /// The common case, decided on bytes: `http(s)://` with no space and no bracket.
    private static func isPlainWebURL(_ target: String) -> Bool {
        var target = target
        return target.withUTF8 { bytes in
            guard bytes.starts(with: "https://".utf8) || bytes.starts(with: "http://".utf8) else { return false }
            return !bytes.contains { $0 == Byte.space || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }
        }
    }

    private static func shortened(_ text: String) -> String {
        text.count <= 48 ? text : String(text.prefix(45)) + "…"
    }

    static func problem(with rawTarget: String) -> String? {
        if isPlainWebURL(rawTarget) { return nil }
        if rawTarget.hasPrefix("[") || rawTarget.utf8.containsSequence("](".utf8) {
            return "link target \"\(shortened(rawTarget))\" holds another link; keep one URL"
        }
        var target = Substring(rawTarget)
        if target.hasPrefix("<") && target.hasSuffix(">") { return nil }
        // `url "title"`: the destination ends at the first space before a quoted title.
        if let space = target.firstIndex(of: " ") {
            let rest = target[space...].drop { $0 == " " }
            if let first = rest.first, first == "\"" || first == "'" || first == "(" {
                target = target[..<space]
            } else {
                return "link target \"\(rawTarget)\" contains a space; encode it as %20"
            }
        }
        if target.utf8.containsSequence("://".utf8) || target.hasPrefix("#") || target.hasPrefix("/") || target.hasPrefix(".") { return nil }
        if let colon = target.firstIndex(of: ":"), target[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
           !target[..<colon].utf8.contains(UInt8(ascii: ".")) {
            return nil  // mailto:, tel:, and other schemes
        }
        let host = target.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let labels = host.lowercased().split(separator: ".")
        if host.lowercased().hasPrefix("www.") || (labels.count >= 2 && topLevelDomains.contains(String(labels.last ?? ""))) {
            return "link target \"\(rawTarget)\" has no scheme, so GitHub treats it as a file of this repository; write https://\(target)"
        }
        return nil
    }
}
