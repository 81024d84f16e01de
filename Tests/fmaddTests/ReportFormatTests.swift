import Foundation
import FMTestSupport
import Testing

@Suite struct ReportFormatTests {
    let upstream = Paths.healthcareList.path

    func report(_ format: String) throws -> URL {
        let result = try Fmadd.run(["check", "--format", format, upstream])
        #expect(result.status == 1)
        let file = try Fmadd.temporaryFolder().appendingPathComponent("report.\(format)")
        try Data(result.stdout.utf8).write(to: file)
        return file
    }

    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func sarifIsReadBySarifToolsWithOneResultPerFinding() throws {
        let file = try report("sarif")
        let summary = try Peers.run("sarif", ["summary", file.path])
        let counts = try ReportCounts.of(upstream)
        #expect(summary.contains("error: \(counts.errors)") && summary.contains("warning: \(counts.warnings)"), "\(summary)")
        let count = try Peers.run("python", ["-c", "from sarif import loader; print(loader.load_sarif_file('\(file.path)').get_result_count())"])
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "\(counts.total)")
    }

    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func junitIsReadByJunitparser() throws {
        let file = try report("junit")
        let script = """
            from junitparser import JUnitXml
            xml = JUnitXml.fromfile('\(file.path)')
            cases = [c for s in xml for c in s]
            print(len(cases), sum(1 for c in cases if not c.is_passed))
            """
        let total = try ReportCounts.of(upstream).total
        #expect(try Peers.run("python", ["-c", script]).trimmingCharacters(in: .whitespacesAndNewlines) == "\(total) \(total)")
    }

    @Test func githubAnnotationsNameFileLineColumnAndRule() throws {
        let lines = try String(contentsOf: try report("github"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == (try ReportCounts.of(upstream)).total)
        #expect(lines.contains("::error file=\(upstream),line=235,col=1,title=swallowed-year-marker::**2023** is shown as part of the entry above it, not as a year marker; add a blank line before it"))
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") })
    }
}
