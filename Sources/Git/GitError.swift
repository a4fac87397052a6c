/// A failure of a `Git` operation, with enough context to tell the operator what went wrong and what to do.
///
/// Errors never contain credentials: tokens are held only by the credential callback, and URLs in
/// descriptions have any user information removed.
public enum GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// libgit2 reported an error that has no more specific case.
    case libgit2(LibGit2Failure)
    /// A file path given for a commit is unsafe or malformed.
    case invalidPath(path: String, problem: PathProblem)
    /// Two paths differ only by letter case (or one is a directory of the other), which would break on
    /// case-insensitive file systems.
    case pathCollision(path: String, existing: String)
    /// A branch name is not a valid git reference name.
    case invalidBranchName(String)
    /// A commit message or trailer is malformed.
    case invalidMessage(String)
    /// A ref, branch or revision expression does not resolve to a commit.
    case referenceNotFound(String)
    /// A path names a directory or submodule where a file was expected.
    case notAFile(path: String, ref: String)
    /// The remote URL cannot be mapped to `<owner>/<name>`.
    case invalidRemoteURL(String)
    /// The remote rejected the credentials (or none were given and it asked for some).
    case authenticationFailed(url: String)
    /// The remote could not be reached or the transfer broke off.
    case network(url: String, message: String)
    /// The server certificate was not trusted.
    case certificateRejected(url: String, message: String)
    /// The push would not fast-forward the named remote refs.
    case nonFastForward(refs: [String])
    /// The remote declined some refs of a push (hooks, branch protection); each with the server's reason.
    case pushRejected([RefRejection])
    /// A force push was asked for a branch outside pfbot's own prefix.
    case forcePushRefused(branch: String, requiredPrefix: String)
    /// The branch moved while a commit was being made; the commit was not recorded.
    case concurrentUpdate(branch: String)

    /// A readable explanation, with what to do next.
    public var description: String {
        switch self {
        case .libgit2(let failure):
            return failure.description
        case .invalidPath(let path, let problem):
            return "Invalid path \(Self.quoted(path)): \(problem.description). Use a relative path inside the repository."
        case .pathCollision(let path, let existing):
            return "Path \(Self.quoted(path)) collides with \(Self.quoted(existing)) (same name ignoring case, or file versus directory); rename one of them."
        case .invalidBranchName(let name):
            return "Invalid branch name \(Self.quoted(name)); use letters, digits, '-', '_', '.' and '/' without '..', spaces or a trailing '.lock'."
        case .invalidMessage(let why):
            return "Invalid commit message: \(why)."
        case .referenceNotFound(let ref):
            return "Reference \(Self.quoted(ref)) does not name a commit in this repository; fetch first or check the name."
        case .notAFile(let path, let ref):
            return "\(Self.quoted(path)) at \(ref) is a directory or submodule, not a file."
        case .invalidRemoteURL(let url):
            return "Remote URL \(Self.quoted(url)) does not end in <owner>/<name>[.git]; pass the repository's clone URL."
        case .authenticationFailed(let url):
            return "Authentication to \(url) failed; the token is missing, expired or lacks access to this repository."
        case .network(let url, let message):
            return "Network failure talking to \(url): \(message). Check connectivity and retry."
        case .certificateRejected(let url, let message):
            return "The TLS certificate of \(url) was rejected: \(message). Check the CA bundle; certificate checking stays on."
        case .nonFastForward(let refs):
            return "Push of \(refs.joined(separator: ", ")) is not a fast-forward; fetch, rebuild the branch on the new tip, or force-push a pf/ branch."
        case .pushRejected(let rejections):
            let list = rejections.map { "\($0.ref) (\($0.reason))" }.joined(separator: ", ")
            return "The remote rejected \(list); check the repository's hooks and branch protection."
        case .forcePushRefused(let branch, let prefix):
            return "Refusing to force-push \(Self.quoted(branch)): only branches under \(Self.quoted(prefix)) may be force-pushed."
        case .concurrentUpdate(let branch):
            return "Branch \(Self.quoted(branch)) moved while committing; retry the commit."
        }
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "'"
    }
}
