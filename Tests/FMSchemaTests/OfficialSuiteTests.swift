import Foundation
import Testing
@testable import FMSchema

/// Runs the JSON-Schema-Test-Suite (draft 2020-12) on the validator.
@Suite struct OfficialSuiteTests {
    /// Files of the suite's draft2020-12 folder (and of `optional/`) not run, with the reason.
    static let skippedFiles: [String: String] = [
        "dynamicRef.json": "$dynamicRef and $dynamicAnchor are not supported",
        "unevaluatedItems.json": "unevaluatedItems is not supported (it needs annotation collection)",
        "unevaluatedProperties.json": "unevaluatedProperties is not supported (it needs annotation collection)",
        "refRemote.json": "needs the suite's remote documents served from localhost:1234",
        "vocabulary.json": "needs custom metaschemas and $vocabulary",
        "defs.json": "validates schemas against the 2020-12 metaschema, which is not bundled",
        "optional/cross-draft.json": "refers to remote metaschemas of other drafts",
        "optional/dependencies-compatibility.json": "tests `dependencies`, a keyword of drafts before 2019-09",
        "optional/dynamicRef.json": "$dynamicRef is not supported",
        "optional/format-assertion.json": "needs custom metaschemas with the format-assertion vocabulary",
    ]

    /// The formats asserted (with `assertFormats`); the suite's files for other formats are not run.
    static let assertedFormats: Set<String> = ["uri", "uri-reference", "date", "email", "unknown"]

    /// Groups (file, group description) not run within files that are, with the reason.
    static let skippedGroups: [String: String] = [
        "ref.json: remote ref, containing refs itself": "refers to the 2020-12 metaschema, which is not bundled",
        "ref.json: ref creates new scope when adjacent to keywords": "uses unevaluatedProperties",
        "not.json: collect annotations inside a 'not', even if collection is disabled": "uses unevaluatedProperties",
    ]

    struct Tally {
        var ran = 0
        var skipped = 0
    }

    /// The suite's files kept among the fixtures: they run on any clone.
    @Test func theKeptFilesOfTheSuitePass() throws {
        var tally = Tally()
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtureSuite.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 10)
        for file in files { try run(file, assertFormats: false, tally: &tally, root: TestPaths.fixtureSuite) }
        #expect(tally.ran > 200)
    }

    @Test(.enabled(if: TestPaths.hasWholeSuite, "needs ../shared/vendor-data/JSON-Schema-Test-Suite beside the repository; the kept files ran"))
    func everyCaseOfTheSuitePasses() throws {
        var tally = Tally()
        var skippedFileCases = 0
        var skippedFileCount = 0
        for (folder, assertFormats) in [("", false), ("optional/", false), ("optional/format/", true)] {
            let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.testSuite.appending(path: folder).path)
                .filter { $0.hasSuffix(".json") }
                .sorted()
            for name in files {
                let file = folder + name
                let format = String(name.dropLast(".json".count))
                if Self.skippedFiles[file] != nil || (assertFormats && !Self.assertedFormats.contains(format)) {
                    skippedFileCases += try caseCount(TestPaths.testSuite.appending(path: file))
                    skippedFileCount += 1
                    continue
                }
                try run(file, assertFormats: assertFormats, tally: &tally)
            }
        }
        print("JSON-Schema-Test-Suite draft2020-12: \(tally.ran) cases ran; skipped: \(tally.skipped) in files that ran, "
            + "\(skippedFileCases) in \(skippedFileCount) files not run")
        #expect(tally.ran > 1200)
    }

    private func run(_ file: String, assertFormats: Bool, tally: inout Tally, root: URL = TestPaths.testSuite) throws {
        let groups = try JSONValue(jsonData: Data(contentsOf: root.appending(path: file)))
        for group in groups.arrayValue ?? [] {
            let description = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            if Self.skippedGroups["\(file): \(description)"] != nil {
                tally.skipped += tests.count
                continue
            }
            let schema = try #require(group["schema"])
            let validator: Validator
            do {
                validator = try Validator(schemaDocument: schema, assertFormats: assertFormats)
            } catch {
                Issue.record("\(file): \(description): the schema does not compile: \(error)")
                continue
            }
            for test in tests {
                let data = try #require(test["data"])
                guard let expected = test["valid"]?.boolValue else {
                    Issue.record("\(file): \(description): a case without \"valid\"")
                    continue
                }
                let name = "\(file): \(description): \(test["description"]?.stringValue ?? "?")"
                #expect(validator.isValid(data) == expected, "\(name)")
                let errors = validator.validate(data).filter { $0.severity == .error }
                #expect(errors.isEmpty == expected, "\(name): findings disagree: \(errors)")
                tally.ran += 1
            }
        }
    }

    private func caseCount(_ file: URL) throws -> Int {
        let groups = try JSONValue(jsonData: Data(contentsOf: file))
        return (groups.arrayValue ?? []).reduce(0) { $0 + ($1["tests"]?.arrayValue?.count ?? 0) }
    }
}
