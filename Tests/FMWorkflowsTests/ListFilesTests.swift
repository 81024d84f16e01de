import Foundation
import FMList
import FMTestSupport
import Testing
@testable import FMWorkflows

/// Which list files a command works on, and with which configuration.
@Suite struct ListFilesTests {
    @Test func withoutFilesTheConfiguredListOfTheRepositoryIsRead() throws {
        let repo = try GitRepository(list: Lists.example)
        let nested = repo.folder.appendingPathComponent("docs/deep")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let resolved = try ListFiles.resolve(files: [], config: nil, from: nested.path)
        #expect(resolved.lists.map(\.path) == [repo.readme.path])
        try Data("list: LIST.md\n".utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        let configured = try ListFiles.resolve(files: [], config: nil, from: repo.folder.path)
        #expect(configured.lists.map(\.path) == [repo.folder.appendingPathComponent("LIST.md").path])
    }

    @Test func anUnknownRuleIsNamedOnceWithTheNearestOne() throws {
        let folder = try TemporaryFolder.make()
        try Data("rules:\n  label-case: off\n  trailing-whitespaces: off\n".utf8).write(to: folder.appendingPathComponent(".fmadd.yml"))
        let files = ["a.md", "b.md"].map { folder.appendingPathComponent($0).path }
        let resolved = try ListFiles.resolve(files: files, config: nil, from: folder.path)
        #expect(resolved.lists.count == 2)
        #expect(resolved.warnings.count == 2, "one configuration, named once: \(resolved.warnings)")
        #expect(resolved.warnings[0].hasSuffix("`rules:` names an unknown rule 'label-case'; did you mean 'mixed-label-case'?"))
        #expect(resolved.warnings[1].hasSuffix("unknown rule 'trailing-whitespaces'; did you mean 'trailing-whitespace'?"))
    }

    @Test func leftoversOfAKilledWriteAreCleared() throws {
        let folder = try TemporaryFolder.make()
        try Data("# List\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = folder.appendingPathComponent("\(AtomicFile.temporaryPrefix)README.md-\(ended.processIdentifier)-1a2b")
        try Data("x".utf8).write(to: stale)
        _ = try ListFiles.resolve(files: ["README.md"], config: nil, from: folder.path)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func aConfigurationThatCannotBeReadIsAFailure() throws {
        let folder = try TemporaryFolder.make()
        try Data("lsit: README.md\n".utf8).write(to: folder.appendingPathComponent(".fmadd.yml"))
        do {
            _ = try ListFiles.resolve(files: [], config: nil, from: folder.path)
            Issue.record("not refused")
        } catch {
            #expect(error.description.contains("lsit: is not allowed (did you mean \"list\"?)"))
        }
    }
}
