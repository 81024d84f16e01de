import Foundation
import FMEditor
import FMList
import FMTestSupport
import Testing
@testable import FMWorkflows

/// The add, in process, on a copy of the healthcare list in a real repository.
@Suite struct AddWorkflowTests {
    static let good = DraftFields(category: "mfm", title: "A careful multimodal model", paper: "https://arxiv.org/abs/2502.01234", venue: "arXiv")

    func add(_ repo: GitRepository, _ source: AddWorkflow.Source, dryRun: Bool = false,
             publishing: Publisher.Settings = .commitOnly) throws -> AddOutcome {
        try AddWorkflow(list: try repo.list(), dryRun: dryRun, publishing: publishing).run(source)
    }

    @Test func placesWritesAndCommitsTheEntry() throws {
        let repo = try GitRepository(list: Lists.upstream)
        guard case .published(let placed, .published(let publication)) = try add(repo, .fields(Self.good)) else {
            Issue.record("not published")
            return
        }
        let insertion = try #require(placed.entries.first?.insertion)
        #expect(insertion.line == 273 && insertion.section == "MFM methods" && insertion.year == 2025 && insertion.createsYearGroup)
        #expect(insertion.text.hasPrefix("- [arXiv] A careful multimodal model. [[Paper]](https://arxiv.org/abs/2502.01234)"))
        #expect(placed.warnings.isEmpty && placed.duplicates.isEmpty)
        #expect([UInt8](try repo.readmeBytes()) == placed.new)
        #expect(publication.commit != nil)
        #expect(try repo.git("log", "-1", "--format=%s") == "Add \"A careful multimodal model\" to MFM methods (2025)\n")
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    @Test func aDryRunGivesTheDiffAndWritesNothing() throws {
        let repo = try GitRepository(list: Lists.upstream)
        let before = try repo.readmeBytes()
        guard case .dryRun(_, let diff, let refusal) = try add(repo, .fields(Self.good), dryRun: true) else {
            Issue.record("not a dry run")
            return
        }
        #expect(diff.contains("\n+- [arXiv] A careful multimodal model. [[Paper]](https://arxiv.org/abs/2502.01234)\n"))
        #expect(refusal == nil)
        #expect(try repo.readmeBytes() == before)
        try repo.editReadme(appending: "\nMy note\n")
        guard case .dryRun(_, _, let refused) = try add(repo, .fields(Self.good), dryRun: true) else {
            Issue.record("not a dry run")
            return
        }
        #expect(refused.map { "\($0)".contains("not staged") } == true)
    }

    @Test(arguments: [
        (DraftFields(category: "mfm", title: "A title here", year: 2024), "missing paper; give it with --paper"),
        (DraftFields(category: "xfm", title: "A title here", paper: "https://a.org/x", year: 2024),
         "unknown category 'xfm'; the list's categories are lfm, vfm, bfm, mfm, lfm-data"),
        (DraftFields(category: "vfm"), "missing title; give it with --title (or run fmadd add --category vfm on a terminal"),
        (DraftFields(category: "vfm-data"), "missing name; give it with --name (or run"),
        (DraftFields(), "missing category; give it with --category (one of lfm, vfm"),
    ])
    func missingOrUnknownFieldsAreUsageErrors(_ fields: DraftFields, _ message: String) throws {
        let repo = try GitRepository(list: Lists.upstream)
        let before = try repo.readmeBytes()
        guard case .usage(let text) = try add(repo, .fields(fields)) else { Issue.record("not a usage error"); return }
        #expect(text.hasPrefix(message), "\(text)")
        #expect(try repo.readmeBytes() == before)
    }

    @Test func anInvalidEntryIsRefusedAndNothingIsWritten() throws {
        let repo = try GitRepository(list: Lists.upstream)
        let before = try repo.readmeBytes()
        var fields = Self.good
        fields.title = "Bad ](link) title"
        guard case .invalid(let error) = try add(repo, .fields(fields)) else { Issue.record("not refused"); return }
        #expect(error.description.contains("title: must not contain \"](\""))
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }

    @Test func aListedPaperIsNotAddedAgain() throws {
        let repo = try GitRepository(list: Lists.example)
        let fields = DraftFields(category: "vfm", title: "Towards a general-purpose foundation model for computational pathology",
                                 paper: "https://example.org/new-paper", year: 2024)
        guard case .notAdded(.duplicate) = try add(repo, .fields(fields)) else { Issue.record("not refused as a duplicate"); return }
        guard case .published(let placed, .published) = try AddWorkflow(list: try repo.list(), allowDuplicate: true,
                                                                         publishing: .writeOnly).run(.fields(fields)) else {
            Issue.record("not added with allowDuplicate")
            return
        }
        #expect(!placed.duplicates.isEmpty)
    }

    @Test func aFileOfEntriesIsAddedInOneCommitOrNotAtAll() throws {
        let repo = try GitRepository(list: Lists.upstream)
        let before = try repo.readmeBytes()
        let file = repo.folder.appendingPathComponent("entries.json")
        try Data("""
            [{"category": "lfm", "year": 2024, "title": "First good model", "paper": "https://arxiv.org/abs/2401.11111"},
             {"category": "mfm", "year": 2022, "title": "Third ](bad) model", "paper": "https://arxiv.org/abs/2203.33333"}]
            """.utf8).write(to: file)
        guard case .notAdded(let error) = try add(repo, .file(file.path)) else { Issue.record("not refused"); return }
        #expect(error.description.contains("entry 2: the entry is not valid"))
        #expect(try repo.readmeBytes() == before)

        try Data("""
            [{"category": "lfm", "year": 2024, "title": "First good model", "paper": "https://arxiv.org/abs/2401.11111"},
             {"category": "vfm-data", "name": "NewScans", "link": "https://example.org/newscans", "modality": "3D CT",
              "scale": "12 volumes", "task": "Segmentation"}]
            """.utf8).write(to: file)
        guard case .published(let placed, .published) = try add(repo, .file(file.path)) else { Issue.record("not published"); return }
        #expect(placed.entries.count == 2)
        #expect(try repo.git("log", "-1", "--format=%s") == "Add 2 entries to the list\n")
    }

    @Test func aFileThatIsNotEntriesOrCannotBeReadIsNamed() throws {
        let repo = try GitRepository(list: Lists.upstream)
        let file = repo.folder.appendingPathComponent("entries.yml")
        try Data("title: [unclosed\n  - nope: {".utf8).write(to: file)
        guard case .unreadableEntries(let problem) = try add(repo, .file(file.path)) else { Issue.record("not refused"); return }
        #expect(problem.description.contains("is not YAML or JSON"))
        try Data("- category: lfm\n  title: No paper\n".utf8).write(to: file)
        guard case .usage(let missing) = try add(repo, .file(file.path)) else { Issue.record("not a usage error"); return }
        #expect(missing.hasSuffix("; nothing was written"))
        #expect(throws: WorkflowFailure.self) { try add(repo, .file(repo.folder.appendingPathComponent("none.yml").path)) }
    }

    @Test func theGuidedAddAsksForEachFieldAndCanBeLeft() throws {
        let repo = try GitRepository(list: Lists.upstream)
        let before = try repo.readmeBytes()
        let left = ScriptedPrompter(answers: ["A title that stops here"])
        guard case .cancelled = try add(repo, .guided(category: "mfm", prompter: left)) else { Issue.record("not left"); return }
        #expect(try repo.readmeBytes() == before)

        let answers = ScriptedPrompter(answers: ["A multimodal model of everything", "https://arxiv.org/abs/2503.01234", "", "Nature", "", "y"])
        guard case .published(let placed, .published) = try add(repo, .guided(category: "mfm", prompter: answers)) else {
            Issue.record("not published")
            return
        }
        #expect(placed.entries.first?.insertion.text.hasPrefix("- [Nature] A multimodal model of everything.") == true)
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }
}
