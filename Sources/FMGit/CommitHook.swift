import CLibGit2
import Foundation

extension Repository {
    /// Runs the repository's pre-commit hook as `git commit` runs it, for a commit of `tree`:
    /// the hook git would run (`core.hooksPath`, or the `hooks` folder of the common git
    /// folder), when it exists and is executable; from the work tree root; with
    /// `GIT_INDEX_FILE` naming a temporary index that holds exactly `tree`, so the hook sees
    /// the commit's content (`git diff --cached`, `git show :FILE`), not the user's index; and
    /// with `GIT_EDITOR=:` and the author's `GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL` and
    /// `GIT_AUTHOR_DATE`, as git sets them. The temporary index is removed in every case.
    ///
    /// - Throws: `GitError.hookRefused` with what the hook printed when it exits non-zero.
    func runPreCommitHook(
        committing tree: git_oid, workTree: String, author: git_signature, environment: [String: String]
    ) throws(GitError) {
        let hook = try HookInstaller(repository: self).hookPath
        var status = stat()
        // git runs no hook that is missing or not executable (it only warns of the latter).
        guard stat(hook, &status) == 0, status.st_mode & S_IFMT == S_IFREG, access(hook, X_OK) == 0 else { return }

        let indexFile = gitDirectory + "/fmadd-next-index-\(getpid())"
        unlink(indexFile)
        unlink(indexFile + ".lock")
        defer {
            unlink(indexFile)
            unlink(indexFile + ".lock")
        }
        try writeIndex(of: tree, to: indexFile)

        var hookEnvironment = environment
        hookEnvironment["GIT_INDEX_FILE"] = indexFile
        hookEnvironment["GIT_EDITOR"] = ":"
        hookEnvironment["GIT_AUTHOR_NAME"] = string(author.name) ?? ""
        hookEnvironment["GIT_AUTHOR_EMAIL"] = string(author.email) ?? ""
        hookEnvironment["GIT_AUTHOR_DATE"] = Repository.internalDate(author.when)
        hookEnvironment.removeValue(forKey: "GIT_PREFIX")
        // A repository opened through GIT_DIR is found by the hook the same way; any other is
        // found from the work tree, where the hook runs.
        if environment["GIT_DIR"] != nil || environment["GIT_WORK_TREE"] != nil {
            hookEnvironment["GIT_DIR"] = gitDirectory
            hookEnvironment["GIT_WORK_TREE"] = workTree
        }

        let result = try Repository.run(hook, in: workTree, environment: hookEnvironment)
        guard result.status == 0 else {
            throw GitError.hookRefused(hook: hook, status: result.status, output: result.output)
        }
    }

    /// Writes an index holding exactly `tree` (no stat data: git reads the files it compares).
    private func writeIndex(of tree: git_oid, to path: String) throws(GitError) {
        var treeID = tree
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, handle, &treeID), "read the tree being committed")
        defer { git_tree_free(treeObject) }
        var index: OpaquePointer?
        try check(git_index_open(&index, path), "create the index for the pre-commit hook")
        defer { git_index_free(index) }
        try check(git_index_read_tree(index, treeObject), "fill the index for the pre-commit hook")
        try check(git_index_write(index), "write the index for the pre-commit hook")
    }

    /// git's own form of a moment, `@SECONDS ±hhmm`.
    static func internalDate(_ time: git_time) -> String {
        let minutes = abs(Int(time.offset))
        let sign = time.offset < 0 ? "-" : "+"
        let zone = sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
        return "@\(time.time) \(zone)"
    }

    /// Runs `program` with no arguments and no input; returns its exit status and everything
    /// it printed (standard output and error together, in the order printed).
    private static func run(
        _ program: String, in folder: String, environment: [String: String]
    ) throws(GitError) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = []
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GitError.fileSystem(operation: "run the pre-commit hook", path: program, reason: error.localizedDescription)
        }
        // The write end belongs to the hook now; reading ends when the hook (and what it
        // started) closes it.
        try? output.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: data, as: UTF8.self))
    }
}
