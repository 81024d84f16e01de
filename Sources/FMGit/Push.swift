import CLibGit2
import Foundation

/// What the push callbacks share, reached from C through the payload pointer.
private final class PushSession {
    var credentials: CredentialSource
    var rejection: String?

    init(environment: [String: String]) {
        credentials = CredentialSource(environment: environment)
    }
}

extension Repository {
    /// Pushes the local `branch` to the branch of the same name on `remote`, authenticating
    /// with the ssh agent or a token from `FMADD_GIT_TOKEN` or `GITHUB_TOKEN`, which goes
    /// only over https to github.com or the host of `GITHUB_SERVER_URL`.
    /// A rejected push changes nothing locally.
    public func push(
        branch: String, remote remoteName: String = "origin",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(GitError) {
        let reference = try localBranchReference(branch)

        var remote: OpaquePointer?
        let lookup = git_remote_lookup(&remote, handle, remoteName)
        if lookup == GIT_ENOTFOUND.rawValue || lookup == GIT_EINVALIDSPEC.rawValue { throw GitError.remoteNotFound(remoteName) }
        try check(lookup, "read the remote \(remoteName)")
        defer { git_remote_free(remote) }
        try push(reference: reference, branch: branch, remote: remote, named: remoteName, environment: environment)
    }

    /// Pushes the local `branch` to the branch of the same name at `url`, a remote that is not
    /// configured (a fork just made), authenticating as `push(branch:remote:)` does.
    public func push(branch: String, toURL url: String,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws(GitError) {
        let reference = try localBranchReference(branch)
        var remote: OpaquePointer?
        try check(git_remote_create_anonymous(&remote, handle, url), "read the address \(Redaction.url(url))")
        defer { git_remote_free(remote) }
        try push(reference: reference, branch: branch, remote: remote, named: Redaction.url(url), environment: environment)
    }

    /// `refs/heads/BRANCH`, once it is known to exist.
    private func localBranchReference(_ branch: String) throws(GitError) -> String {
        let reference = "refs/heads/" + branch
        var tip = git_oid()
        let found = git_reference_name_to_id(&tip, handle, reference)
        if found == GIT_ENOTFOUND.rawValue || found == GIT_EINVALIDSPEC.rawValue { throw GitError.branchNotFound(branch) }
        try check(found, "look up the branch \(branch)")
        return reference
    }

    private func push(reference: String, branch: String, remote: OpaquePointer?, named remoteName: String,
                      environment: [String: String]) throws(GitError) {
        let url = string(git_remote_pushurl(remote)) ?? string(git_remote_url(remote)) ?? remoteName

        let session = PushSession(environment: environment)
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "prepare the push")
        options.callbacks.payload = Unmanaged.passUnretained(session).toOpaque()
        options.callbacks.credentials = { out, url, usernameFromURL, allowed, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            let session = Unmanaged<PushSession>.fromOpaque(payload).takeUnretainedValue()
            switch session.credentials.next(allowed: allowed, url: string(url), usernameFromURL: string(usernameFromURL)) {
            case .username(let user): return git_credential_username_new(out, user)
            case .sshAgent(let user): return git_credential_ssh_key_from_agent(out, user)
            case .token(let user, let token): return git_credential_userpass_plaintext_new(out, user, token)
            case .none:
                git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "no credential left to offer")
                return GIT_EAUTH.rawValue
            }
        }
        // A remote may refuse a reference after receiving it (a protected branch, a hook).
        options.callbacks.push_update_reference = { _, status, payload in
            if let payload, let status = string(status) {
                Unmanaged<PushSession>.fromOpaque(payload).takeUnretainedValue().rejection = status
            }
            return 0
        }

        let refspec = reference + ":" + reference
        let code = withExtendedLifetime(session) {
            refspec.withCString { cRefspec in
                var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: cRefspec)]
                return strings.withUnsafeMutableBufferPointer { buffer in
                    var refspecs = git_strarray(strings: buffer.baseAddress, count: 1)
                    return git_remote_push(remote, &refspecs, &options)
                }
            }
        }
        if code == GIT_ENONFASTFORWARD.rawValue { throw GitError.nonFastForward(branch: branch, remote: remoteName) }
        if code == GIT_EAUTH.rawValue { throw GitError.authenticationFailed(remote: remoteName, url: Redaction.url(url)) }
        try check(code, "push \(branch) to \(remoteName)")
        if let reason = session.rejection {
            throw GitError.pushRejected(branch: branch, remote: remoteName, reason: reason)
        }
    }
}
