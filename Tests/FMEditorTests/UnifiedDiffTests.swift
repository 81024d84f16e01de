import Foundation
import Testing
@testable import FMEditor

@Suite struct UnifiedDiffTests {
    /// The diff applies with the real `patch` and gives the new text.
    func expectPatchRebuilds(_ old: String, _ new: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fmadd-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("list.md")
        try Data(old.utf8).write(to: file)
        let diff = UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), path: "list.md")
        try Data(diff.utf8).write(to: folder.appendingPathComponent("change.diff"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["patch", "-s", "-p1", "-i", "change.diff"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "patch refused:\n\(diff)")
        #expect(try String(contentsOf: file, encoding: .utf8) == new, "diff:\n\(diff)")
    }

    @Test func patchRebuildsTheNewText() throws {
        let lines = (1...40).map { "line \($0)" }
        let old = lines.joined(separator: "\n") + "\n"
        var changed = lines
        changed[2] = "changed 3"
        changed.remove(at: 20)
        changed.insert("inserted", at: 30)
        changed.append("appended")
        try expectPatchRebuilds(old, changed.joined(separator: "\n") + "\n")
        try expectPatchRebuilds("a\nb\n", "a\nb")  // the final newline removed
        try expectPatchRebuilds("", "new\n")
        try expectPatchRebuilds("x\nx\nx\n", "x\ny\nx\nx\n")  // repeated lines, no unique anchor
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.make(old: Array("a\n".utf8), new: Array("a\n".utf8), path: "x").isEmpty)
    }
}
