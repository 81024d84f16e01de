import Foundation
import FMTestSupport
import Testing

@Suite struct RulesCommandTests {
    @Test func listsEveryRuleOnceAndExplainsOne() throws {
        let list = try Fmadd.run(["rules"])
        #expect(list.status == 0)
        let ids = list.stdout.split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(ids.count == Set(ids).count && ids.contains("swallowed-year-marker"))
        let explained = try Fmadd.run(["rules", "--explain", "swallowed-year-marker"])
        #expect(explained.status == 0)
        #expect(explained.stdout.hasPrefix("swallowed-year-marker (error): A year marker is a paragraph of its own."))
        #expect(explained.stdout.contains("<!-- fmadd-disable-next-line swallowed-year-marker -->"))
        let unknown = try Fmadd.run(["rules", "--explain", "no-such-rule"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown rule 'no-such-rule'"))
    }
}
