import Foundation
import FMDedupe
import FMList
import FMTestSupport
import Testing
@testable import FMWorkflows

/// Duplicates found, merged and remembered, in process.
@Suite struct DedupeWorkflowTests {
    func folderWithOlderList(configuration: String? = nil) throws -> ListFile {
        let folder = try TemporaryFolder.make()
        try Data(contentsOf: Lists.older).write(to: folder.appendingPathComponent("README.md"))
        if let configuration { try Data(configuration.utf8).write(to: folder.appendingPathComponent(".fmadd.yml")) }
        return ListFile(path: folder.appendingPathComponent("README.md").path, configuration: try Configuration.discover(from: folder.path))
    }

    @Test func findsTheClustersAndChangesNothingWithoutADecision() throws {
        let list = try folderWithOlderList()
        let before = try Data(contentsOf: URL(fileURLWithPath: list.path))
        let outcome = try DedupeWorkflow(list: list).run()
        #expect(outcome.clusters.count == 3)
        #expect(outcome.clusters.map(\.confidence) == [.duplicate, .likely, .duplicate])
        #expect(outcome.leftDuplicates && outcome.merged == nil && outcome.remembered == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: list.path)) == before)
    }

    @Test func mergesTheDuplicateClustersAndCommitsTheList() throws {
        let repo = try GitRepository(list: Lists.older)
        let outcome = try DedupeWorkflow(list: try repo.list(), writes: true, commit: true).run {
            .byConfidence($0, includeLikely: false)
        }
        let merged = try #require(outcome.merged)
        #expect(merged.clusters == 2 && !outcome.leftDuplicates)
        guard case .published(let publication) = merged.publication else { Issue.record("not published"); return }
        #expect(publication.commit != nil)
        #expect(try repo.git("log", "-1", "--format=%s") == "Merge 2 duplicate entries with fmadd dedupe\n")
        let again = try DedupeWorkflow(list: try repo.list()).run()
        #expect(!again.clusters.contains { $0.confidence == .duplicate })
    }

    @Test func aRememberedClusterIsWrittenAsItsPairsAndNotFoundAgain() throws {
        let list = try folderWithOlderList(configuration: "# kept comment\nlist: README.md\n")
        let outcome = try DedupeWorkflow(list: list, writes: true).run { clusters in
            DedupeWorkflow.Decisions(remember: clusters.filter { $0.confidence == .likely })
        }
        let remembered = try #require(outcome.remembered)
        #expect(remembered.file == list.configuration.source && remembered.pairs.count == 1)
        let text = try String(contentsOfFile: remembered.file, encoding: .utf8)
        #expect(text.hasPrefix("# kept comment\nlist: README.md\ndistinct:\n  - [\""), "\(text)")
        let folder = URL(fileURLWithPath: list.path).deletingLastPathComponent().path
        let again = try DedupeWorkflow(list: ListFile(path: list.path, configuration: try Configuration.discover(from: folder))).run()
        #expect(again.clusters.count == 2 && !again.clusters.contains { $0.confidence == .likely })
    }

    @Test func withoutAConfigurationOneIsMadeBesideTheList() throws {
        let list = try folderWithOlderList()
        #expect(list.configuration.source == nil)
        let outcome = try DedupeWorkflow(list: list, writes: true).run { DedupeWorkflow.Decisions(remember: Array($0.prefix(1))) }
        let file = try #require(outcome.remembered?.file)
        #expect(file == URL(fileURLWithPath: list.path).deletingLastPathComponent().appendingPathComponent(".fmadd.yml").path)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("distinct:\n  - [\""))
    }
}
