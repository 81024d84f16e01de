import Foundation
import FMList
import FMTestSupport
import Testing
@testable import FMWorkflows

/// The fixes applied, in process.
@Suite struct FixWorkflowTests {
    func copy(_ list: URL) throws -> ListFile {
        let file = try TemporaryFolder.make().appendingPathComponent("README.md")
        try Data(contentsOf: list).write(to: file)
        return ListFile(path: file.path, configuration: .healthcareDefault)
    }

    @Test func checkAndDiffWriteNothing() throws {
        let list = try copy(Lists.upstream)
        let before = try Data(contentsOf: URL(fileURLWithPath: list.path))
        let check = try FixWorkflow(list: list, mode: .check).run()
        #expect(check.result.changed && check.diff == nil)
        let diff = try FixWorkflow(list: list, mode: .diff).run()
        #expect(diff.diff?.contains("\n+- [Related survey](#related-survey)\n") == true)
        guard case .nothing = diff.written else { Issue.record("written"); return }
        #expect(try Data(contentsOf: URL(fileURLWithPath: list.path)) == before)
    }

    @Test func writesTheFixesAndSaysWhatIsLeftForAPerson() throws {
        let list = try copy(Lists.upstream)
        var phases: [String] = []
        let outcome = try FixWorkflow(list: list, mode: .write).run { phases.append($0) }
        guard case .written = outcome.written else { Issue.record("not written"); return }
        #expect(phases == ["parse", "fix", "write"])
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: list.path))) == outcome.result.bytes)
        #expect(!outcome.left.isEmpty && outcome.left.allSatisfy { $0.fix == nil })
        let again = try FixWorkflow(list: list, mode: .check).run()
        #expect(!again.result.changed, "a fixed list needs no more fixes")
    }

    @Test func selectAndIgnoreChooseTheRules() throws {
        let list = try copy(Lists.upstream)
        let selected = try FixWorkflow(list: list, mode: .check, select: ["trailing-whitespace"]).run()
        #expect(Set(selected.result.applied.map(\.ruleID)) == ["trailing-whitespace"])
        let ignored = try FixWorkflow(list: list, mode: .check, ignore: ["trailing-whitespace"]).run()
        #expect(!ignored.result.applied.contains { $0.ruleID == "trailing-whitespace" } && !ignored.result.applied.isEmpty)
    }

    @Test func commitCommitsOnlyTheList() throws {
        let repo = try GitRepository(list: Lists.upstream)
        try Data("x\n".utf8).write(to: repo.folder.appendingPathComponent("other.txt"))
        try repo.git("add", "other.txt")
        let outcome = try FixWorkflow(list: try repo.list(), mode: .commit).run()
        guard case .published(.published(let publication)) = outcome.written else { Issue.record("not published"); return }
        #expect(publication.commit != nil)
        #expect(try repo.git("log", "-1", "--format=%s").hasPrefix("Apply fmadd fix: \(outcome.result.applied.count) fixes ("))
        #expect(try repo.git("show", "--format=", "--name-only", "HEAD") == "README.md\n")
        #expect(try repo.git("status", "--porcelain") == "A  other.txt\n")
    }

    @Test func aListThatCannotBeReadIsAFailure() throws {
        let list = ListFile(path: "/nonexistent/README.md", configuration: .healthcareDefault)
        #expect(throws: WorkflowFailure.self) { try FixWorkflow(list: list, mode: .check).run() }
    }
}
