import Foundation

/// Caches installation tokens per installation until shortly before they expire; concurrent callers share one mint.
actor InstallationTokenCache {
    private var tokens: [Int: InstallationToken] = [:]
    private var inFlight: [Int: Task<InstallationToken, any Error>] = [:]
    private let refreshMargin: Double

    /// - Parameter refreshMargin: seconds before expiry at which a token is replaced (clamped to 60…300).
    init(refreshMargin: Double) {
        self.refreshMargin = min(300, max(60, refreshMargin))
    }

    func token(
        for installationID: Int, now: Date, mint: @escaping @Sendable () async throws -> InstallationToken
    ) async throws -> InstallationToken {
        if let cached = tokens[installationID], cached.expiresAt.timeIntervalSince(now) > refreshMargin {
            return cached
        }
        if let running = inFlight[installationID] {
            return try await running.value
        }
        let task = Task { try await mint() }
        inFlight[installationID] = task
        defer { inFlight[installationID] = nil }
        let token = try await task.value
        tokens[installationID] = token
        return token
    }

    func invalidate(_ installationID: Int) {
        tokens[installationID] = nil
    }
}
