import CLibGit2
import Foundation

/// Fetch and push between a local bare repository and a remote, with token credentials.
///
/// TLS certificates are checked by libgit2's default verification (no `certificate_check` override).
struct RemoteTransfer {
    /// The refspecs a mirror fetches: branches and tags as they are on the remote, and GitHub's pull-request refs.
    static let mirrorRefspecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*", "+refs/pull/*:refs/pull/*"]
    /// The only branch prefix that may be force-pushed.
    static let forcePrefix = "pf/"

    let repository: Repository
    let remoteURL: String

    /// Fetches `origin` with the mirror refspecs (never pruning) and points HEAD at the remote's default branch.
    func fetch(token: String?) throws {
        let remote = try repository.withPointer { pointer in
            try OwnedHandle.make("open remote origin", parent: repository, free: { git_remote_free($0) }) {
                git_remote_lookup($0, pointer, "origin")
            }
        }
        let session = TransferSession(token: token)
        var options = git_fetch_options()
        try LibGit2Runtime.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "init fetch options")
        options.prune = GIT_FETCH_NO_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
        session.install(into: &options.callbacks)
        let code = withExtendedLifetime(session) {
            remote.withPointer { git_remote_fetch($0, nil, &options, "pfbot: fetch") }
        }
        try classify(code, operation: "fetch", session: session, refs: [])
        try pointHeadAtDefaultBranch(remote)
    }

    private func pointHeadAtDefaultBranch(_ remote: OwnedHandle) throws {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard remote.withPointer({ git_remote_default_branch(&buffer, $0) }) == 0, let name = buffer.ptr else { return }
        let head = String(cString: name)
        guard try repository.commitIfExists(ref: head) != nil else { return }
        try repository.withPointer { pointer in
            try LibGit2Runtime.check(git_repository_set_head(pointer, head), "set HEAD to \(head)")
        }
    }

    /// Pushes `branches` to the same names on the remote.
    func push(branches: [String], force: Bool, token: String?) throws {
        if force, let outside = branches.first(where: { !$0.hasPrefix(Self.forcePrefix) }) {
            throw GitError.forcePushRefused(branch: outside, requiredPrefix: Self.forcePrefix)
        }
        let refs = try branches.map { try CommitWriter.branchRef($0) }
        for ref in refs where try repository.commitIfExists(ref: ref) == nil { throw GitError.referenceNotFound(ref) }
        let remote = try repository.withPointer { pointer in
            try OwnedHandle.make("open remote \(Self.redacted(remoteURL))", parent: repository, free: { git_remote_free($0) }) {
                git_remote_create_anonymous($0, pointer, remoteURL)
            }
        }
        let session = TransferSession(token: token)
        var options = git_push_options()
        try LibGit2Runtime.check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "init push options")
        session.install(into: &options.callbacks)
        let refspecs = refs.map { (force ? "+" : "") + "\($0):\($0)" }
        let code = withExtendedLifetime(session) {
            GitStringArray.with(refspecs) { array in
                remote.withPointer { git_remote_push($0, &array, &options) }
            }
        }
        try classify(code, operation: "push", session: session, refs: refs)
        guard session.rejections.isEmpty else {
            let nonFastForward = session.rejections.filter { Self.isNonFastForward($0.reason) }
            if nonFastForward.count == session.rejections.count { throw GitError.nonFastForward(refs: nonFastForward.map(\.ref)) }
            throw GitError.pushRejected(session.rejections)
        }
    }

    private static func isNonFastForward(_ reason: String) -> Bool {
        let lowered = reason.lowercased()
        return lowered.contains("non-fast-forward") || lowered.contains("fetch first") || lowered.contains("non-fastforward")
    }

    /// Turns a failed transfer's return code into the most specific ``GitError``.
    private func classify(_ code: Int32, operation: String, session: TransferSession, refs: [String]) throws {
        guard code < 0 else { return }
        let failure = LibGit2Runtime.lastFailure(code: code, operation: "\(operation) \(Self.redacted(remoteURL))")
        let url = Self.redacted(remoteURL)
        switch code {
        case GIT_EAUTH.rawValue:
            throw GitError.authenticationFailed(url: url)
        case GIT_ENONFASTFORWARD.rawValue:
            throw GitError.nonFastForward(refs: refs)
        case GIT_ECERTIFICATE.rawValue:
            throw GitError.certificateRejected(url: url, message: failure.message)
        default:
            if session.credentialRequests > 1 || failure.message.contains("401") {
                throw GitError.authenticationFailed(url: url)
            }
            if failure.errorClass.isTransport || failure.errorClass == .os {
                throw GitError.network(url: url, message: failure.message)
            }
            throw GitError.libgit2(failure)
        }
    }

    /// The URL without user information, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.user != nil || components.password != nil else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? "<remote>"
    }
}
