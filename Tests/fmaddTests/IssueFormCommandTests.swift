import Foundation
import FMTestSupport
import Testing

/// `fmadd issue-form` writes and checks the form; `fmadd add --from-issue` reads an issue's body
/// and, with `--dry-run --format markdown`, answers the issue.
@Suite struct IssueFormCommandTests {
    let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md")
    var formFile: String { ".github/ISSUE_TEMPLATE/add-paper.yml" }

    /// An issue body as GitHub renders it from the form, fields by label.
    func body(_ answers: [String: String], form: String) throws -> String {
        let labels = form.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "label: ") else { return nil }
            return try? JSONSerialization.jsonObject(with: Data(line[range.upperBound...].utf8), options: .fragmentsAllowed) as? String
        }
        #expect(!labels.isEmpty)
        return labels.map { "### \($0)\n\n\(answers[$0] ?? "_No response_")\n\n" }.joined()
    }

    @Test func checkFailsAfterACategoryIsAdded() throws {
        let repo = try GitRepository(list: example)
        #expect(try Fmadd.run(["issue-form", "--check"], in: repo.folder).status == 1, "no form yet")
        let written = try Fmadd.run(["issue-form"], in: repo.folder)
        #expect(written.status == 0, "\(written.stderr)")
        let path = repo.folder.appendingPathComponent(formFile)
        let form = try String(contentsOf: path, encoding: .utf8)
        #expect(try Fmadd.run(["issue-form", "--check"], in: repo.folder).status == 0)

        var lines = String(decoding: try repo.readmeBytes(), as: UTF8.self).components(separatedBy: "\n")
        lines.append(contentsOf: ["## Surgical methods", "**2024**", ""])
        try Data(lines.joined(separator: "\n").utf8).write(to: repo.readme)
        try Data("categories:\n  lfm: { heading: LFM methods }\n  surg: { heading: Surgical methods }\n".utf8)
            .write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        let stale = try Fmadd.run(["issue-form", "--check"], in: repo.folder)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains(formFile))
        #expect(try String(contentsOf: path, encoding: .utf8) == form, "--check writes nothing")
        #expect(try Fmadd.run(["issue-form"], in: repo.folder).status == 0)
        #expect(try String(contentsOf: path, encoding: .utf8).contains("\"surg: Surgical methods\""))
    }

    /// `--stdout` prints the form that `issue-form` writes, and writes nothing: `> file` gets the
    /// form, not a note.
    @Test func stdoutPrintsTheFormItWouldWrite() throws {
        let repo = try GitRepository(list: example)
        let printed = try Fmadd.run(["issue-form", "--stdout"], in: repo.folder)
        #expect(printed.status == 0, "\(printed.stderr)")
        let path = repo.folder.appendingPathComponent(formFile)
        #expect(!FileManager.default.fileExists(atPath: path.path))
        #expect(try Fmadd.run(["issue-form"], in: repo.folder).status == 0)
        #expect(printed.stdout == (try String(contentsOf: path, encoding: .utf8)))
    }

    @Test func theReplySaysTheLineAndWhereItGoes() throws {
        let repo = try GitRepository(list: example)
        #expect(try Fmadd.run(["issue-form"], in: repo.folder).status == 0)
        let text = try String(contentsOf: repo.folder.appendingPathComponent(formFile), encoding: .utf8)
        let issue = try body(["Category": "mfm: MFM methods", "Title": "A multimodal model of everything",
                              "Paper link": "https://arxiv.org/abs/2503.01234", "Year": "2025"], form: text)
        let before = try repo.readmeBytes()
        let reply = try Fmadd.run(["add", "--from-issue", "-", "--dry-run", "--format", "markdown"], in: repo.folder, stdin: Data(issue.utf8))
        #expect(reply.status == 0, "\(reply.stdout)\(reply.stderr)")
        #expect(try repo.readmeBytes() == before, "a dry run writes nothing")

        // Where the entry is written when it is added for real.
        let added = try Fmadd.run(["add", "--from-issue", "-", "--no-commit"], in: repo.folder, stdin: Data(issue.utf8))
        #expect(added.status == 0, "\(added.stderr)")
        let lines = String(decoding: try repo.readmeBytes(), as: UTF8.self).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("A multimodal model of everything") })
        #expect(reply.stdout.contains("```markdown\n\(lines[line])\n```"), "\(reply.stdout)")
        #expect(reply.stdout.contains("line \(line + 1) of `README.md`"), "\(reply.stdout)")
        #expect(reply.stdout.contains("**MFM methods**, 2025"))
    }

    @Test func theReplyNamesEachProblemAndTheDuplicateLine() throws {
        let repo = try GitRepository(list: example)
        #expect(try Fmadd.run(["issue-form"], in: repo.folder).status == 0)
        let text = try String(contentsOf: repo.folder.appendingPathComponent(formFile), encoding: .utf8)
        let bad = try body(["Category": "mfm: MFM methods", "Title": "A model @maintainer <b>x</b>",
                            "Paper link": "javascript:alert(1)", "Year": "2025"], form: text)
        let refused = try Fmadd.run(["add", "--from-issue", "-", "--dry-run", "--format", "markdown"], in: repo.folder, stdin: Data(bad.utf8))
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("cannot add this paper"))
        #expect(refused.stdout.contains("links.paper: must be an https URL"))
        // The author's words only inside code, where GitHub renders no mention or HTML.
        for line in refused.stdout.split(separator: "\n") where line.contains("@maintainer") || line.contains("<b>") {
            #expect(line.hasPrefix("- `"), "\(line)")
        }

        let lines = String(decoding: try repo.readmeBytes(), as: UTF8.self).components(separatedBy: "\n")
        let listed = try #require(lines.firstIndex { $0.hasPrefix("- [Nature] Large language models encode clinical knowledge.") })
        let again = try body(["Category": "lfm: LFM methods", "Title": "Large language models encode clinical knowledge",
                              "Paper link": "https://www.nature.com/articles/s41586-023-06291-2", "Venue": "Nature", "Year": "2023"], form: text)
        let duplicate = try Fmadd.run(["add", "--from-issue", "-", "--dry-run", "--format", "markdown"], in: repo.folder, stdin: Data(again.utf8))
        #expect(duplicate.status == 1)
        #expect(duplicate.stdout.contains("already in the list"), "\(duplicate.stdout)")
        #expect(duplicate.stdout.contains("line \(listed + 1)"), "\(duplicate.stdout)")
    }
}
