import Foundation
import PFBotCore
import Storage

/// Reviews of task pull requests, bound to the head commit they reviewed: an approval counts only for that
/// commit, changes requested block submission until a later approval, a dismissal removes the approval.
struct ReviewLedger {
    let store: any Store
    let now: @Sendable () -> Date

    enum Verdict: Equatable {
        case approved(sha: String, by: String)
        case changesRequested(sha: String, by: String)
    }

    func approve(_ id: TaskID, sha: String, by login: String) async throws {
        try await store.setSetting(key(id), value: "approved \(sha) \(login)", now: now())
    }

    func requestChanges(_ id: TaskID, sha: String, by login: String) async throws {
        try await store.setSetting(key(id), value: "changes_requested \(sha) \(login)", now: now())
    }

    func dismiss(_ id: TaskID) async throws {
        try await store.setSetting(key(id), value: "dismissed", now: now())
    }

    /// The latest verdict, if any.
    func verdict(_ id: TaskID) async throws -> Verdict? {
        guard let value = try await store.setting(key(id)) else { return nil }
        let parts = value.split(separator: " ").map(String.init)
        guard parts.count == 3 else { return nil }
        return parts[0] == "approved" ? .approved(sha: parts[1], by: parts[2]) : .changesRequested(sha: parts[1], by: parts[2])
    }

    private func key(_ id: TaskID) -> String { "review:\(id.rawValue)" }
}
