import Foundation
import GitHub
import PFBotCore

/// Collaborator permissions, cached for a minute so a burst of commands costs one API call per person.
actor PermissionCache {
    private var cache: [String: (permission: RepositoryPermission, at: Date)] = [:]
    private let now: @Sendable () -> Date
    static let lifetime: TimeInterval = 60

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The person's permission on the repository; unknown values and 404 (not a collaborator) count as read.
    func permission(of login: String, in repository: RepositoryRef, github: any GitHubAPI) async throws -> RepositoryPermission {
        let key = "\(repository)|\(login.lowercased())"
        if let cached = cache[key], now().timeIntervalSince(cached.at) < Self.lifetime { return cached.permission }
        let permission: RepositoryPermission
        do {
            let answer = try await github.collaboratorPermission(repository, username: login)
            permission = RepositoryPermission(rawValue: answer.roleName ?? answer.permission)
                ?? RepositoryPermission(rawValue: answer.permission) ?? .read
        } catch let error as GitHubError where error.status == 404 {
            permission = .read
        }
        cache[key] = (permission, now())
        return permission
    }
}
