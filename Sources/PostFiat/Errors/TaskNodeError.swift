import Foundation

/// Everything that can go wrong talking to the Task Node. Each description says what happened and what to do.
public enum TaskNodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configured Task Node URL is unusable.
    case invalidBaseURL(String)
    /// The network failed before an answer arrived (retryable).
    case transport(String)
    /// The answer was larger than pfbot reads.
    case responseTooLarge(limit: Int)
    /// The answer was not JSON (e.g. an HTML error page from a proxy).
    case notJSON(status: Int, snippet: String)
    /// The answer was broken JSON (e.g. cut off).
    case malformedJSON(status: Int, reason: String)
    /// A JSON answer whose shape is not what the protocol describes.
    case unexpectedShape(String)
    /// The server rejected the request with an error code (`error`), e.g. 400 `request_body_field_unknown`.
    case rejected(status: Int, code: String, message: String?)
    /// The server is failing (5xx) (retryable).
    case serverFailure(status: Int, code: String?)
    /// Too many requests; retry after the given seconds (retryable).
    case rateLimited(code: String, retryAfterSeconds: Int)
    /// pfbot's own count of the per-wallet hourly cap (§4.6) says this write would be refused until `retryAt`.
    case agentCapReached(action: String, limit: Int, retryAt: Date)
    /// Login did not produce a session, or the session was refused again right after a fresh login.
    case loginFailed(code: String, message: String?)
    /// The Task Node does not allow this wallet to log in (allowlist).
    case walletNotAllowed(address: String)
    /// The Task Node says the session has no wallet even after logging in again.
    case signedOut
    /// The Task Node runs in a lifecycle mode pfbot does not speak (needs `{enabled:true, dualWrite:false}`).
    case unsupportedLifecycleMode(enabled: Bool?, dualWrite: Bool?)
    /// The task's state does not allow this write (409); `status` is the task's current `statusKey`.
    case notAvailable(code: String, status: String?, actions: [String])
    /// The Task Node has no task with this id for the linked wallet.
    case taskNotFound(String)
    /// The server chose a different submission mode than asked for (e.g. initial submission vs verification response).
    case unexpectedSubmissionMode(expected: String, actual: String)
    /// A task in a Task Node answer could not be read; the other tasks are unaffected.
    case invalidTask(taskID: String?, reason: String)
    /// The wallet could not sign.
    case signingFailed(String)
    /// The session file is readable by group or others; pfbot refuses to use it.
    case insecureSessionFile(path: String, mode: Int)
    /// The session or pending-write file could not be read or written.
    case storageFailed(String)
    /// The evidence given cannot be submitted.
    case invalidEvidence(String)
    /// A body pfbot built contains a key the route does not accept (a bug in pfbot, never sent).
    case forbiddenBodyKey(route: String, key: String)
    /// All retries failed; `last` is the final error.
    case retriesExhausted(attempts: Int, last: String)

    /// Whether waiting and retrying the same request can succeed (protocol §6). Broken or non-JSON answers count as
    /// proxy trouble and are retried, except with a 4xx status, which §6 says never to retry.
    public var isRetryable: Bool {
        switch self {
        case .transport, .serverFailure, .rateLimited, .agentCapReached: return true
        case .notJSON(let status, _), .malformedJSON(let status, _): return !(400..<500).contains(status)
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .invalidBaseURL(let url):
            return "Task Node URL \(url.debugDescription) is not a valid http(s) URL; set --tasknode-url or PFBOT_TASKNODE_URL."
        case .transport(let why):
            return "Could not reach the Task Node (\(why)); check the network and retry."
        case .responseTooLarge(let limit):
            return "The Task Node answer exceeded \(limit) bytes; pfbot stopped reading it. Retry later or report the server."
        case .notJSON(let status, let snippet):
            return "The Task Node answered HTTP \(status) with something that is not JSON (\(snippet.debugDescription)); it may be down or behind a proxy error page. Retry later."
        case .malformedJSON(let status, let reason):
            return "The Task Node answered HTTP \(status) with broken JSON: \(reason)"
        case .unexpectedShape(let why):
            return "The Task Node answer does not have the documented shape: \(why)."
        case .rejected(let status, let code, let message):
            return "The Task Node refused the request (HTTP \(status) \(code))\(message.map { ": \($0)" } ?? ""). This will not succeed by retrying; fix the input."
        case .serverFailure(let status, let code):
            return "The Task Node failed (HTTP \(status)\(code.map { " \($0)" } ?? "")); pfbot retries with backoff."
        case .rateLimited(let code, let seconds):
            return "The Task Node rate limit was hit (\(code)); retry in \(seconds) s."
        case .agentCapReached(let action, let limit, let retryAt):
            return "The hourly cap of \(limit) \(action) writes per wallet is used up; retry after \(ISOTimestamp.string(from: retryAt))."
        case .loginFailed(let code, let message):
            return "Wallet login failed (\(code))\(message.map { ": \($0)" } ?? ""). Check the wallet seed and that the Task Node accepts this wallet."
        case .walletNotAllowed(let address):
            return "The Task Node does not allow wallet \(address) to log in (allowlist). Ask the Task Node operators to allow it."
        case .signedOut:
            return "The Task Node treats pfbot as signed out even after a fresh login; run `pfbot login` and check the wallet is linked."
        case .unsupportedLifecycleMode(let enabled, let dualWrite):
            return "The Task Node lifecycle mode is enabled=\(enabled.map(String.init) ?? "missing"), dualWrite=\(dualWrite.map(String.init) ?? "missing"); pfbot only speaks direct mode (enabled=true, dualWrite=false). Nothing was written; upgrade pfbot or wait for the Task Node to return to direct mode."
        case .notAvailable(let code, let status, let actions):
            return "The task's state (\(status ?? "unknown")) does not allow this (\(code)); allowed now: \(actions.isEmpty ? "nothing" : actions.joined(separator: ", ")). Run `pfbot tasks` to refresh."
        case .taskNotFound(let id):
            return "The Task Node has no task \(id) for this wallet; check the id with `pfbot tasks` (new tasks can take a moment to appear)."
        case .unexpectedSubmissionMode(let expected, let actual):
            return "The Task Node would record this as \(actual), not \(expected); nothing was sent. Check the task's state with `pfbot task show`."
        case .invalidTask(let id, let reason):
            return "Task \(id ?? "<no id>") in the Task Node answer is unreadable: \(reason). It was skipped; the other tasks are fine."
        case .signingFailed(let why):
            return "The wallet could not sign: \(why). Check the wallet seed."
        case .insecureSessionFile(let path, let mode):
            return "Session file \(path) has mode \(String(mode, radix: 8)); it must not be readable by group or others. Run `chmod 600 \(path)` or delete it."
        case .storageFailed(let why):
            return "Could not store Task Node state: \(why)."
        case .invalidEvidence(let why):
            return "Invalid evidence: \(why)."
        case .forbiddenBodyKey(let route, let key):
            return "pfbot built a body for \(route) with the key \(key.debugDescription), which the route rejects; nothing was sent. Report this bug."
        case .retriesExhausted(let attempts, let last):
            return "Gave up after \(attempts) attempts; last error: \(last)"
        }
    }
}
