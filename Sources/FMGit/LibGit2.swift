import CLibGit2

/// The process-wide libgit2 library.
enum LibGit2 {
    /// `git_libgit2_init` must run once before any other libgit2 call; Swift runs a `static let`
    /// initialiser exactly once and thread-safely, so no mutable state is needed to guard it.
    private static let initialisation: Int32 = git_libgit2_init()

    static func ensureInitialised() throws(GitError) {
        try check(initialisation, "initialise libgit2")
    }
}

/// Throws the failure of a libgit2 call that returned a negative code, with the text libgit2
/// recorded for it; call it right after the call, before any other libgit2 call can replace it.
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
    guard code < 0 else { return }
    let message = lastErrorMessage()
    throw GitError.libgit2(operation: operation(), code: code, message: message)
}

/// The text of the last libgit2 error on this thread.
func lastErrorMessage() -> String {
    guard let error = git_error_last(), let message = error.pointee.message else {
        return "no details were given"
    }
    return String(cString: message)
}

/// A C string libgit2 may return as NULL, as a Swift string.
func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}

extension git_oid {
    /// The object id in the 40-digit hexadecimal form git prints.
    var hex: String {
        var copy = self
        return withUnsafeBytes(of: &copy.id) { bytes in
            bytes.map { byte in
                let digits = String(byte, radix: 16)
                return byte < 16 ? "0" + digits : digits
            }.joined()
        }
    }

    func isSame(as other: git_oid) -> Bool {
        var left = self
        var right = other
        return git_oid_equal(&left, &right) != 0
    }
}

extension GitError {
    /// Whether this is a libgit2 failure with the given error code.
    func hasCode(_ code: git_error_code) -> Bool {
        if case .libgit2(_, let failure, _) = self { return failure == code.rawValue }
        return false
    }
}
