/// The GitHub App manifest `pfbot init` prints: paste it into GitHub's "create an App from a manifest" flow.
///
/// Permissions are the least pfbot needs; ``reasons`` says why each is asked for.
struct GitHubAppManifest: Encodable, Equatable {
    /// Where GitHub sends webhooks.
    struct HookAttributes: Encodable, Equatable {
        var url: String
        var active: Bool
    }

    var name: String
    var url: String
    var hookAttributes: HookAttributes
    var redirectURL: String
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

    /// The permissions pfbot asks for, with the reason for each, in the order they are explained.
    static let permissions: [(name: String, access: String, reason: String)] = [
        ("issues", "write", "mirror each task into an issue, update its checklist and labels, answer /pf commands in comments"),
        ("pull_requests", "write", "open the draft pull request of a task branch and mark it ready"),
        ("contents", "write", "push task branches (pf/…) with the rendered templates, and read .github/pfbot.yml"),
        ("checks", "write", "publish the \"pfbot / QC\" check run with its annotations"),
        ("metadata", "read", "required by GitHub for every App: list repositories and read their basic data"),
        ("members", "read", "see organization and team membership when deciding who may run a /pf command"),
    ]

    /// The events pfbot subscribes to.
    static let events = [
        "issues", "issue_comment", "pull_request", "pull_request_review", "check_run", "check_suite", "push", "installation_repositories",
    ]

    /// The manifest for a server reachable at `baseURL` (no trailing slash).
    init(name: String = "pfbot", baseURL: String) {
        self.name = name
        url = baseURL
        hookAttributes = HookAttributes(url: baseURL + "/webhooks/github", active: true)
        redirectURL = baseURL + "/github/app-created"
        description = "Mirrors Post Fiat tasks into issues, branches and pull requests, and submits merged work."
        isPublic = false
        defaultPermissions = Dictionary(uniqueKeysWithValues: Self.permissions.map { ($0.name, $0.access) })
        defaultEvents = Self.events
    }

    /// One line per permission: `issues: write: why`.
    static var reasons: [String] {
        permissions.map { "\($0.name): \($0.access) — \($0.reason)" }
    }
}
