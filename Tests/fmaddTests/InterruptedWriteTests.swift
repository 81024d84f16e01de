import Foundation
import FMTestSupport
import Testing

/// An add killed at any moment leaves the list as it was or as it would be: never half written.
@Suite struct InterruptedWriteTests {
    /// The installed-style release binary that `bash .ci/setup` builds: the 100,000-entry list
    /// takes seconds with it and minutes with a debug build.
    static let release = Paths.repository.appendingPathComponent(".build/release/fmadd")

    static func largeList() throws -> URL {
        let cached = Paths.repository.appendingPathComponent(".build/bench-data/list_100000.md")
        if FileManager.default.fileExists(atPath: cached.path) { return cached }
        try FileManager.default.createDirectory(at: cached.deletingLastPathComponent(), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.shared.appendingPathComponent("bench/gen_list.py").path, "100000", "--out", cached.path,
                             "--truth", cached.deletingPathExtension().path + ".truth.json"]
        try process.run()
        process.waitUntilExit()
        return cached
    }

    static func add(_ n: Int, in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = release
        process.arguments = ["add", "--no-commit", "--category", "mfm", "--title", "Interrupted write number \(n)",
                             "--paper", "https://arxiv.org/abs/2501.\(10000 + n)", "--year", "2025", "README.md"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The list's inode: the atomic rename puts a new file, with a new inode, in place.
    static func inode(of file: URL) throws -> UInt64 {
        var status = stat()
        guard stat(file.path, &status) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return UInt64(status.st_ino)
    }

    @Test(.enabled(if: Needs.listGenerator, Comment(rawValue: Needs.listGeneratorReason)), .enabled(if: Needs.releaseBinary, Comment(rawValue: Needs.releaseBinaryReason)))
    func aKilledAddLeavesTheOldListOrTheNewOne() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.release.path), "build the release binary first: bash .ci/setup")
        let folder = try Fmadd.temporaryFolder()
        let list = folder.appendingPathComponent("README.md")
        try Data(contentsOf: try Self.largeList()).write(to: list)
        // How long one add takes, to kill the next ones anywhere in it.
        let started = Date()
        let first = try Self.add(0, in: folder)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let duration = Date().timeIntervalSince(started)
        var current = [UInt8](try Data(contentsOf: list))
        var completed = 0
        // Seeded, so that a failing run can be repeated: FMADD_TEST_SEED=N.
        let seed = ProcessInfo.processInfo.environment["FMADD_TEST_SEED"].flatMap(UInt64.init) ?? 20_261_201
        var random = SplitMix64(seed: seed)
        for n in 1...50 {
            let before = try Self.inode(of: list)
            let process = try Self.add(n, in: folder)
            if n % 5 == 0 {
                // Every fifth run is killed as soon as the new list is in place, so that the
                // after-the-rename outcome is seen however slow this machine is today.
                let deadline = Date().addingTimeInterval(duration * 20)
                while try Self.inode(of: list) == before, process.isRunning, Date() < deadline { usleep(500) }
            } else {
                // Most kills land in the second half, where the file is written and renamed.
                usleep(useconds_t(Double.random(in: (duration * 0.3)...(duration * 1.1), using: &random) * 1_000_000))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = [UInt8](try Data(contentsOf: list))
            if after == current { continue }
            // Otherwise it is the old list with the one entry inserted, nothing else.
            completed += 1
            let prefix = zip(current, after).prefix { $0 == $1 }.count
            let grown = after.count - current.count
            #expect(grown > 0 && Array(after[(prefix + grown)...]) == Array(current[prefix...]), "run \(n) left a changed list")
            #expect(String(decoding: after[prefix..<(prefix + grown)], as: UTF8.self).contains("Interrupted write number \(n)"))
            current = after
        }
        // The next run clears what a killed one left beside the list.
        let last = try Self.add(99, in: folder)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }
        #expect(leftovers.isEmpty, "left beside the list: \(leftovers)")
        print("interrupted writes: \(50 - completed) killed before the rename, \(completed) after")
        // Both outcomes were seen: kills before the rename (the old list) and after it (the new one).
        #expect(completed > 0 && completed < 50, "seed \(seed): \(completed) of 50 runs left the new list; both outcomes must occur")
    }
}
