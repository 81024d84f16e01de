// Commits one file of a work tree with FMGit, as `fmadd add` does after writing it:
//
//     fmgit-commit-driver REPOSITORY PATH MESSAGE [BRANCH]
//
// PATH is relative to the work tree root. Used by Benchmarks/git/run.sh.
import FMGit
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5 else {
    FileHandle.standardError.write(Data("usage: fmgit-commit-driver REPOSITORY PATH MESSAGE [BRANCH]\n".utf8))
    exit(64)
}
do {
    let repository = try Repository(discoveringFrom: arguments[1])
    guard let workTree = repository.workTree,
        let content = FileManager.default.contents(atPath: workTree + "/" + arguments[2])
    else {
        FileHandle.standardError.write(Data("cannot read \(arguments[2])\n".utf8))
        exit(66)
    }
    let result = try repository.commit(
        path: arguments[2], content: [UInt8](content), message: arguments[3],
        branch: arguments.count == 5 ? arguments[4] : nil)
    print(result.commit)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
