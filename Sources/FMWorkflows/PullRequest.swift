import Foundation

/// The title and Markdown body of a pull request that adds entries to the list.
public struct PullRequest: Equatable, Sendable {
    public var title: String
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }

    /// An entry added to the list, and where it went.
    public struct Addition: Equatable, Sendable {
        /// The paper's title.
        public var title: String
        /// The entry's Markdown line as written to the list.
        public var entry: String
        /// The list file, relative to the repository root.
        public var file: String
        public var section: String
        public var year: Int?
        /// The entry's line in the file (1-based).
        public var line: Int

        public init(title: String, entry: String, file: String, section: String, year: Int?, line: Int) {
            self.title = title
            self.entry = entry
            self.file = file
            self.section = section
            self.year = year
            self.line = line
        }
    }

    /// What `fmadd check` said about the list with the additions.
    public struct CheckResult: Equatable, Sendable {
        public var passed: Bool
        /// One line, such as "no errors, 2 warnings".
        public var summary: String

        public init(passed: Bool, summary: String) {
            self.passed = passed
            self.summary = summary
        }
    }

    /// The pull request for `additions` (at least one): what was added, where, the check
    /// result, and a checklist for the reviewer. fmadd checks the format and looks for the
    /// paper in the list, so those boxes follow the check; whether the link opens is left to
    /// the reviewer.
    public init(additions: [Addition], check: CheckResult) {
        title = PullRequest.title(for: additions)
        var lines = [PullRequest.summary(of: additions), ""]
        for addition in additions {
            var place = "*\(addition.section)*"
            if let year = addition.year { place += ", \(year)" }
            lines.append("- **\(addition.title)** in \(place), `\(addition.file)` line \(addition.line):")
            lines.append("")
            lines.append("  ```markdown")
            // Each line of an entry of several lines inside the item's fence, as it is written.
            lines += addition.entry.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            lines.append("  ```")
        }
        lines.append("")
        lines.append("`fmadd check`: " + (check.passed ? "passed" : "failed") + " (\(check.summary)).")
        lines.append("")
        lines.append("- [\(check.passed ? "x" : " ")] Entry format follows CONTRIBUTING.md")
        lines.append("- [ ] Paper link opens")
        lines.append("- [\(check.passed ? "x" : " ")] Not already in the list")
        lines.append("- [\(check.passed ? "x" : " ")] `fmadd check` passes")
        body = lines.joined(separator: "\n") + "\n"
    }

    /// The page where GitHub offers to open a pull request of `branch` into `base`, for a
    /// GitHub remote in any of git's URL forms (https, http, ssh, scp-like `git@github.com:`,
    /// `git://`); nil for a remote elsewhere. The page is built from the owner and repository
    /// names alone: a remote URL's user name, password or token never goes into it.
    public static func compareURL(remoteURL: String, base: String, branch: String) -> String? {
        guard let repository = gitHubRepository(remoteURL: remoteURL) else { return nil }
        func escaped(_ name: String) -> String {
            name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
        }
        return "https://github.com/\(repository)/compare/\(escaped(base))...\(escaped(branch))?expand=1"
    }

    /// Whether `name` is `OWNER/REPO`, names GitHub allows.
    public static func isRepositoryName(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy(isName)
    }

    static func isName(_ part: Substring) -> Bool {
        !part.isEmpty && part != "." && part != ".." && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// `OWNER/REPO` of a GitHub remote URL.
    static func gitHubRepository(remoteURL: String) -> String? {
        let url = remoteURL.trimmingCharacters(in: .whitespacesAndNewlines)
        let host: Substring
        var path: Substring
        if let schemeEnd = url.range(of: "://") {
            let scheme = url[..<schemeEnd.lowerBound].lowercased()
            guard ["https", "http", "ssh", "git", "git+ssh", "ssh+git"].contains(scheme) else { return nil }
            let rest = url[schemeEnd.upperBound...]
            let authority = rest.prefix { $0 != "/" }
            path = rest.dropFirst(authority.count)
            let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
            host = hostAndPort.prefix { $0 != ":" }
        } else if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") {
            // scp-like syntax: [user@]host:owner/repo.git
            let userAndHost = url[..<colon]
            host = userAndHost.split(separator: "@", omittingEmptySubsequences: false).last ?? userAndHost
            path = url[url.index(after: colon)...]
        } else {
            return nil
        }
        guard ["github.com", "www.github.com"].contains(host.lowercased()) else { return nil }
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        if path.hasSuffix(".git") { path = path.dropLast(4) }
        let name = String(path)
        return isRepositoryName(name) ? name : nil
    }

    private static func title(for additions: [Addition]) -> String {
        guard let first = additions.first else { return "Update the list" }
        if additions.count == 1 {
            return "Add \"\(first.title)\" to \(first.section)" + (first.year.map { " (\($0))" } ?? "")
        }
        let sections = Set(additions.map(\.section))
        return "Add \(additions.count) papers" + (sections.count == 1 ? " to \(first.section)" : "")
    }

    private static func summary(of additions: [Addition]) -> String {
        let files = Set(additions.map(\.file)).sorted().map { "`\($0)`" }.joined(separator: ", ")
        let papers = additions.count == 1 ? "1 paper" : "\(additions.count) papers"
        return "Adds \(papers) to \(files.isEmpty ? "the list" : files):"
    }
}
