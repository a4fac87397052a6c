/// The GitHub App manifest of pfbot: what `pfbot init --app` posts to GitHub's "register a GitHub App from a
/// manifest" page, and what `pfbot init` prints.
///
/// Permissions and events are the least pfbot uses; ``reasons`` says why each is asked for (docs/security.md too).
struct GitHubAppManifest: Encodable, Equatable {
    /// Where GitHub sends webhooks.
    struct HookAttributes: Encodable, Equatable {
        var url: String
        var active: Bool
    }

    var name: String
    var url: String
    var hookAttributes: HookAttributes
    /// Where GitHub sends the browser with the temporary code; only the one-shot page of `pfbot init --app` takes it.
    var redirectURL: String?
    var description: String
    var isPublic: Bool
    var defaultPermissions: [String: String]
    var defaultEvents: [String]

    enum CodingKeys: String, CodingKey {
        case name, url, description
        case hookAttributes = "hook_attributes"
        case redirectURL = "redirect_url"
        case isPublic = "public"
        case defaultPermissions = "default_permissions"
        case defaultEvents = "default_events"
    }

    /// The permissions pfbot asks for, with the REST calls or git operations that need each.
    static let permissions: [(name: String, access: String, reason: String)] = [
        ("issues", "write", "mirror each task into an issue (create, update, list), its labels, and the replies to /pf commands"),
        ("pull_requests", "write", "open and list a task's pull request, read its reviews"),
        ("contents", "write", "push task branches (pf/…) over git, read .github/pfbot.yml"),
        ("checks", "write", "create and complete the \"pfbot / QC\" check run with its annotations"),
        ("metadata", "read", "read the repository and a commenter's permission on it (granted to every App)"),
    ]

    /// The events pfbot subscribes to, with what it does on each.
    static let events: [(name: String, reason: String)] = [
        ("issue_comment", "runs the /pf commands of a new comment"),
        ("pull_request", "runs QC when a task's pull request opens or moves, and submits the task when it is merged"),
        ("pull_request_review", "records approvals (require_approval)"),
        ("push", "runs QC when a task branch moves, and notes the default branch"),
        ("check_run", "re-runs QC when someone presses Re-run on the \"pfbot / QC\" check"),
        ("check_suite", "re-runs QC when someone re-runs all checks of a commit"),
    ]

    /// The manifest for a server reachable at `baseURL` (no trailing slash); `redirectURL` is the page that
    /// exchanges the code (nil leaves it out: the printed manifest, created by hand).
    init(name: String = "pfbot", baseURL: String, redirectURL: String? = nil) {
        self.name = name
        url = baseURL
        hookAttributes = HookAttributes(url: baseURL + "/webhooks/github", active: true)
        self.redirectURL = redirectURL
        description = "Mirrors Post Fiat tasks into issues, branches and pull requests, and submits merged work."
        isPublic = false
        defaultPermissions = Dictionary(uniqueKeysWithValues: Self.permissions.map { ($0.name, $0.access) })
        defaultEvents = Self.events.map(\.name)
    }

    /// One line per permission and event: `issues: write — why`, `event push — why`.
    static var reasons: [String] {
        permissions.map { "\($0.name): \($0.access) — \($0.reason)" } + events.map { "event \($0.name) — \($0.reason)" }
    }
}
