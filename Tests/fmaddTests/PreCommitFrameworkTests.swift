import Foundation
import FMTestSupport
import Testing

/// The real pre-commit framework builds fmadd from this repository (`language: swift`) and runs
/// the `fmadd-check` hook of `.pre-commit-hooks.yaml`.
@Suite struct PreCommitFrameworkTests {
    func tryRepo(in repo: GitRepository) throws -> (status: Int32, output: String) {
        let arguments = ["try-repo", Paths.repository.path, "fmadd-check", "--files", "README.md"]
        var environment = ProcessInfo.processInfo.environment
        // Its environments (with the built fmadd) are kept between runs.
        environment["PRE_COMMIT_HOME"] = Paths.repository.appendingPathComponent(".build/pre-commit-home").path
        return try Command.run(Peers.bin.appendingPathComponent("pre-commit"), arguments, in: repo.folder, environment: environment)
    }

    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason)), .timeLimit(.minutes(30)))
    func fmaddCheckRunsAsAHookOfTheFramework() throws {
        let repo = try GitRepository(list: Paths.repository.appendingPathComponent("Examples/healthcare-list.md"))
        let clean = try tryRepo(in: repo)
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.output.contains("fmadd check") && clean.output.contains("Passed"), "\(clean.output)")

        var text = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        text = text.replacingOccurrences(of: "**2022**\n", with: "**2022**\n- [arXiv] Unfinished. [[Paper]]()\n")
        try Data(text.utf8).write(to: repo.readme)
        try repo.git("add", "README.md")
        let failing = try tryRepo(in: repo)
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.contains("Failed") && failing.output.contains("link [[Paper]] has no target"), "\(failing.output)")
    }
}
