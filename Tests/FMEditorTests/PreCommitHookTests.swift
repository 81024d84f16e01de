import Foundation
import FMTestSupport
import Testing
@testable import FMEditor

@Suite struct PreCommitHookTests {
    @Test func hooksFolderHoldsTheScriptThatIsInstalled() throws {
        let file = Paths.repository.appendingPathComponent("Hooks/pre-commit")
        #expect(try String(contentsOf: file, encoding: .utf8) == PreCommitHook.script,
                "Hooks/pre-commit differs from PreCommitHook.script: copy the script into the file")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o111 != 0 } == true, "Hooks/pre-commit must be executable")
    }
}
