import Foundation

/// A repository and its issues, pull requests and other objects.
struct EmulatedRepository: Sendable {
    var id: Int
    var owner: EmulatedUser
    var name: String
    var defaultBranch: String
    var isPrivate: Bool
    var createdAt: Date
    var pushedAt: Date
    /// Permission by login: `admin`, `maintain`, `write`, `triage`, `read`.
    var permissions: [String: String] = [:]
    /// Labels by lower-cased name.
    var labels: [String: EmulatedLabel] = [:]
    var issues: [Int: EmulatedIssue] = [:]
    var pulls: [Int: EmulatedPull] = [:]
    var comments: [Int: EmulatedComment] = [:]
    var checkRuns: [Int: EmulatedCheckRun] = [:]
    var statuses: [EmulatedStatus] = []
    /// Commits pushed through the emulator, by SHA.
    var commits: [String: EmulatedCommit] = [:]
    var nextNumber = 1

    var fullName: String { "\(owner.login)/\(name)" }
}

extension EmulatedRepository {
    var openIssueCount: Int { issues.values.filter { $0.state == "open" }.count }
}
