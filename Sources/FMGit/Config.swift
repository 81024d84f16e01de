import CLibGit2

/// Who commits: `user.name` and `user.email` from git's configuration.
public struct Identity: Equatable, Sendable {
    public let name: String
    public let email: String
}

extension Repository {
    /// The value of a configuration key (`core.hooksPath`, `remote.origin.url`, …) as git sees
    /// it from this repository (system, global, repository and work-tree files), or nil if unset.
    public func configValue(_ key: String) throws(GitError) -> String? {
        try withConfigSnapshot { config throws(GitError) in
            var value: UnsafePointer<CChar>?
            let code = git_config_get_string(&value, config, key)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "read \(key) from git's configuration")
            return string(value)
        }
    }

    /// A configuration value that names a path, with a leading `~/` expanded as git does.
    public func configPath(_ key: String) throws(GitError) -> String? {
        try withConfigSnapshot { config throws(GitError) in
            var value = git_buf()
            defer { git_buf_dispose(&value) }
            let code = git_config_get_path(&value, config, key)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "read \(key) from git's configuration")
            return string(value.ptr)
        }
    }

    /// The author and committer of new commits, from `user.name` and `user.email`.
    public func identity() throws(GitError) -> Identity {
        try withDefaultSignature { signature in
            Identity(name: string(signature.pointee.name) ?? "", email: string(signature.pointee.email) ?? "")
        }
    }

    /// The URL of a remote, or nil when there is no remote of that name.
    public func remoteURL(named name: String = "origin") throws(GitError) -> String? {
        var remote: OpaquePointer?
        let code = git_remote_lookup(&remote, handle, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { return nil }
        try check(code, "read the remote \(name)")
        defer { git_remote_free(remote) }
        return string(git_remote_url(remote))
    }

    /// The names of the configured remotes.
    public func remoteNames() throws(GitError) -> [String] {
        var names = git_strarray()
        try check(git_remote_list(&names, handle), "list the remotes")
        defer { git_strarray_dispose(&names) }
        return (0..<names.count).compactMap { string(names.strings[$0]) }
    }

    /// Runs `body` with a signature for "now" from git's configuration; a missing or empty
    /// `user.name` or `user.email` becomes `GitError.missingIdentity`.
    func withDefaultSignature<T>(_ body: (UnsafeMutablePointer<git_signature>) throws(GitError) -> T) throws(GitError) -> T {
        var signature: UnsafeMutablePointer<git_signature>?
        let code = git_signature_default(&signature, handle)
        guard code >= 0, let signature else {
            let message = lastErrorMessage()
            if code == GIT_ENOTFOUND.rawValue || message.contains("user.") || message.contains("signature") {
                throw GitError.missingIdentity
            }
            throw GitError.libgit2(operation: "read user.name and user.email", code: code, message: message)
        }
        defer { git_signature_free(signature) }
        return try body(signature)
    }

    private func withConfigSnapshot<T>(_ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "read git's configuration")
        defer { git_config_free(config) }
        return try body(config)
    }
}
