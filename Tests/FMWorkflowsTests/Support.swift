import Foundation
import FMEditor
import FMList
import FMTestSupport
import FMWorkflows

extension GitRepository {
    /// The repository's README.md with the configuration found beside it.
    func list() throws -> ListFile {
        ListFile(path: readme.path, configuration: try Configuration.discover(from: folder.path))
    }

    func readmeText() throws -> String { String(decoding: try readmeBytes(), as: UTF8.self) }

    /// Makes the list's file hold `text` without staging it: an edit of the user's own.
    func editReadme(appending text: String) throws {
        try Data((try readmeText() + text).utf8).write(to: readme)
    }

    /// Installs a pre-commit hook with this shell body.
    func preCommitHook(_ body: String) throws {
        let hook = folder.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: hook)
        chmod(hook.path, 0o755)
    }

    var head: String { get throws { try git("rev-parse", "HEAD") } }
}

/// Lists the tests work on.
enum Lists {
    static let upstream = Paths.healthcareList
    static let older = Paths.fixtures.appendingPathComponent("healthcare-older.md")
    static let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md")
}

/// A prompter that answers from a script and records what it was told.
struct ScriptedPrompter: Prompter {
    var answers: [String]
    var transcript: [String] = []

    mutating func ask(_ question: Question) -> String? {
        transcript.append("? " + question.label)
        return answers.isEmpty ? nil : answers.removeFirst()
    }

    mutating func say(_ text: String) { transcript.append(text) }
}
