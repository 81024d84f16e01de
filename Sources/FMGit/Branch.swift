import CLibGit2
import Foundation

/// The branch a commit goes on: HEAD's own, or a new one made from HEAD.
enum BranchTarget {
    case current(reference: String)
    case new(reference: String)

    var reference: String {
        switch self {
        case .current(let reference), .new(let reference): reference
        }
    }

    var isNew: Bool {
        if case .new = self { return true }
        return false
    }
}

/// Steps that put back what a commit changed, run newest first when a later step fails.
struct Undo {
    private var steps: [() -> Void] = []

    mutating func add(_ step: @escaping () -> Void) {
        steps.append(step)
    }

    func run() {
        steps.reversed().forEach { $0() }
    }
}

extension Repository {
    /// The longest slug a branch name gets from a title.
    static let branchSlugLimit = 50

    /// The branch name for adding the paper titled `title`: `add/` and the title in lower-case
    /// ASCII words joined by `-`, cut at a word end to at most 50 characters. Other scripts
    /// are transliterated (`华驼` → `hua-tuo`), what has no ASCII form is dropped.
    public static func branchName(forTitle title: String) -> String {
        let ascii = title.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false)
            ?? title.lowercased()
        let words = ascii.unicodeScalars
            .split { !($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) }
            .map { String(String.UnicodeScalarView($0)).lowercased() }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > branchSlugLimit {
                if slug.isEmpty { slug = String(word.prefix(branchSlugLimit)) }
                break
            }
            slug = candidate
        }
        return "add/" + (slug.isEmpty ? "entry" : slug)
    }

    /// `refs/heads/NAME` for a branch that may be made: a valid name no branch has yet.
    func newBranchReference(_ name: String) throws(GitError) -> String {
        var valid: Int32 = 0
        try check(git_branch_name_is_valid(&valid, name), "check the branch name \(name)")
        guard valid != 0, name != "HEAD" else { throw GitError.invalidBranchName(name) }
        let reference = "refs/heads/" + name
        var existing = git_oid()
        let code = git_reference_name_to_id(&existing, handle, reference)
        if code == GIT_ENOTFOUND.rawValue { return reference }
        try check(code, "look up the branch \(name)")
        throw GitError.branchExists(name)
    }

    /// Moves the target branch to `commit`, as `git switch -c NAME` and `git commit` would:
    /// a new branch is made at HEAD's commit and checked out first (no file changes, it is the
    /// same commit), then the branch advances only if it is still where HEAD was read.
    /// Returns what puts the references back.
    func advance(_ target: BranchTarget, to commit: git_oid, from head: HeadPosition, subject: String) throws(GitError) -> Undo {
        var undo = Undo()
        let handle = handle
        if case .new(let branch) = target {
            if var start = head.commit {
                try updateReference { reference in
                    git_reference_create(&reference, handle, branch, &start, 0, "branch: Created from HEAD")
                } orThrow: { code throws(GitError) in
                    if code == GIT_EEXISTS.rawValue { throw GitError.branchExists(HeadPosition.shortName(branch)) }
                    try check(code, "create the branch \(HeadPosition.shortName(branch))")
                }
                undo.add { git_reference_remove(handle, branch) }
            }
            let from = head.branchReference.map(HeadPosition.shortName) ?? head.commit?.hex ?? "HEAD"
            let log = "checkout: moving from \(from) to \(HeadPosition.shortName(branch))"
            do throws(GitError) {
                try updateReference { reference in
                    git_reference_symbolic_create(&reference, handle, "HEAD", branch, 1, log)
                } orThrow: { code throws(GitError) in try check(code, "switch to \(HeadPosition.shortName(branch))") }
            } catch {
                undo.run()
                throw error
            }
            undo.add { Repository.restoreHead(head, in: handle) }
        }

        let log = (head.commit == nil ? "commit (initial): " : "commit: ") + subject
        var new = commit
        do throws(GitError) {
            try updateReference { reference in
                if var old = head.commit {
                    return git_reference_create_matching(&reference, handle, target.reference, &new, 1, &old, log)
                }
                return git_reference_create(&reference, handle, target.reference, &new, 0, log)
            } orThrow: { code throws(GitError) in
                if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue { throw GitError.headMoved }
                try check(code, "move \(HeadPosition.shortName(target.reference)) to the new commit")
            }
        } catch {
            undo.run()
            throw error
        }
        if case .current(let branch) = target {
            undo.add {
                var reference: OpaquePointer?
                if var old = head.commit {
                    git_reference_create_matching(&reference, handle, branch, &old, 1, &new, "fmadd: undo " + log)
                } else {
                    git_reference_remove(handle, branch)
                }
                git_reference_free(reference)
            }
        }
        return undo
    }

    /// Runs a libgit2 call that makes a reference, frees the reference, and hands a failure's
    /// code to `failure`, which throws.
    private func updateReference(
        _ call: (inout OpaquePointer?) -> Int32, orThrow failure: (Int32) throws(GitError) -> Void
    ) throws(GitError) {
        var reference: OpaquePointer?
        let code = call(&reference)
        git_reference_free(reference)
        if code < 0 { try failure(code) }
    }

    private static func restoreHead(_ head: HeadPosition, in handle: OpaquePointer) {
        var reference: OpaquePointer?
        if let branch = head.branchReference {
            git_reference_symbolic_create(&reference, handle, "HEAD", branch, 1, "fmadd: undo the branch switch")
        } else if var commit = head.commit {
            git_reference_create(&reference, handle, "HEAD", &commit, 1, "fmadd: undo the branch switch")
        }
        git_reference_free(reference)
    }
}
