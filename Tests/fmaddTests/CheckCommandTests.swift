import Foundation
import FMTestSupport
import Testing

@Suite struct CheckCommandTests {
    let upstream = Paths.healthcareList.path
    let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md").path

    @Test func reportsOneFindingALineThenASummaryAndExitsOneOnErrors() throws {
        let result = try Fmadd.run(["check", upstream])
        #expect(result.status == 1)
        var lines = result.stdout.split(separator: "\n").map(String.init)
        let summary = lines.removeLast()
        let counts = try ReportCounts.of(upstream)
        #expect(counts.errors > 0 && counts.warnings > 0)
        #expect(summary == "\(upstream): \(counts.errors) errors, \(counts.warnings) warnings; \(counts.fixable) fixable with `fmadd fix`")
        let pattern = try Regex(#"^(.+):(\d+):(\d+): (error|warning): .+ \[[a-z]+(-[a-z]+)*\]$"#)
        var previous = (0, 0)
        for line in lines {
            let match = try #require(try pattern.wholeMatch(in: line), "not a finding line: \(line)")
            #expect(String(match.output[1].substring!) == upstream)
            let position = (Int(match.output[2].substring!)!, Int(match.output[3].substring!)!)
            #expect(previous <= position, "findings are sorted by line and column")
            previous = position
        }
        #expect(lines.count == counts.total)
    }

    /// A rule id that no rule has would turn nothing off: the configuration's mistake is named.
    @Test func anUnknownRuleInTheConfigurationIsNamedWithTheNearestOne() throws {
        let folder = try Fmadd.temporaryFolder()
        try Data(contentsOf: URL(fileURLWithPath: example)).write(to: folder.appendingPathComponent("README.md"))
        try Data("rules:\n  label-case: off\n  trailing-whitespaces: off\n".utf8).write(to: folder.appendingPathComponent(".fmadd.yml"))
        let result = try Fmadd.run(["check"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("unknown rule 'label-case'; did you mean 'mixed-label-case'?"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown rule 'trailing-whitespaces'; did you mean 'trailing-whitespace'?"), "\(result.stderr)")
    }

    @Test func cleanListExitsZero() throws {
        let result = try Fmadd.run(["check", example])
        #expect(result.status == 0)
        #expect(result.stdout == "\(example): no problems\n")
    }

    @Test func jsonFormatHasTheSameFindings() throws {
        let text = try Fmadd.run(["check", upstream])
        let json = try Fmadd.run(["check", "--format", "json", upstream])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let counts = try ReportCounts(json: json.stdout)
        #expect(object["errors"] as? Int == counts.errors && object["warnings"] as? Int == counts.warnings)
        let files = try #require(object["files"] as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]])
        let fromJSON = findings.map { "\(upstream):\($0["line"]!):\($0["column"]!): \($0["severity"]!): \($0["message"]!) [\($0["rule"]!)]" }
        #expect(fromJSON == Array(text.stdout.split(separator: "\n").dropLast().map(String.init)))
    }

    @Test func invalidUTF8IsAToolFailureNamingTheOffset() throws {
        let folder = try Fmadd.temporaryFolder()
        let file = folder.appendingPathComponent("README.md")
        try Data(Array("# List\n\n- caf".utf8) + [0xE9] + Array(" au lait\n".utf8)).write(to: file)
        let result = try Fmadd.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not valid UTF-8 at byte offset 13"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileIsAToolFailure() throws {
        let result = try Fmadd.run(["check", "/nonexistent/README.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read /nonexistent/README.md"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Fmadd.run(["check", "--format", "xml", example]).status == 64)
        #expect(try Fmadd.run(["check", "--no-such-flag"]).status == 64)
    }

    @Test func findsTheListFileOfTheRepositoryAroundTheCurrentFolder() throws {
        let repository = try Fmadd.temporaryFolder()
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let nested = repository.appendingPathComponent("docs/deep")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: example)).write(to: repository.appendingPathComponent("README.md"))
        let result = try Fmadd.run(["check"], in: nested)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("README.md: no problems\n"))
    }

    @Test func configurationNamesTheListFileSwitchesRulesAndChangesSeverities() throws {
        let repository = try Fmadd.temporaryFolder()
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: upstream)).write(to: repository.appendingPathComponent("LIST.md"))
        try """
            list: LIST.md
            rules:
              trailing-whitespace: off
              tab-in-table-cell: error
              mixed-label-case: off
            """.write(to: repository.appendingPathComponent(".fmadd.yml"), atomically: true, encoding: .utf8)
        let result = try Fmadd.run(["check"], in: repository)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("[trailing-whitespace]") && !result.stdout.contains("[mixed-label-case]"))
        #expect(result.stdout.contains("error: table row has"))
        // The summary counts what was reported above it.
        let lines = result.stdout.split(separator: "\n")
        let errors = lines.count { $0.contains(": error: ") }, warnings = lines.count { $0.contains(": warning: ") }
        #expect(errors > 0 && warnings > 0)
        #expect(result.stdout.contains("LIST.md: \(errors) errors, \(warnings) warnings; "), "\(lines.last ?? "")")
    }

    @Test func unknownConfigurationKeyIsNamed() throws {
        let repository = try Fmadd.temporaryFolder()
        try Data(contentsOf: URL(fileURLWithPath: example)).write(to: repository.appendingPathComponent("README.md"))
        try "lsit: README.md\n".write(to: repository.appendingPathComponent(".fmadd.yml"), atomically: true, encoding: .utf8)
        let result = try Fmadd.run(["check", "README.md"], in: repository)
        #expect(result.status == 2)
        #expect(result.stderr.contains("lsit: is not allowed (did you mean \"list\"?)"))
    }
}

@Suite struct CheckSeveralFilesTests {
    @Test func checksEachFileAndSumsUp() throws {
        let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md").path
        let fixture = Paths.fixtures.appendingPathComponent("healthcare-older.md").path
        let result = try Fmadd.run(["check", example, fixture])
        #expect(result.status == 1)
        // `  - - [LFM data](#lfm-datasets)`: toc-nesting's error, at the link.
        #expect(result.stdout.contains("\(fixture):14:7: error:"))
        #expect(result.stdout.split(separator: "\n").last?.hasPrefix("2 files: ") == true)
    }
}
