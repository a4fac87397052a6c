/// One asynchronous lock per repository path: holders of the same key run one at a time, in arrival order.
///
/// Waiting suspends the task (it never blocks a thread), so a held lock costs nothing while its holder's
/// libgit2 work runs on a ``BlockingExecutor`` thread.
actor RepositoryLockTable {
    /// Waiters per held key; a key is present exactly while its lock is held.
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` while holding the lock for `key`.
    nonisolated func withLock<Result: Sendable>(_ key: String, _ body: @Sendable () async throws -> Result) async throws -> Result {
        await acquire(key)
        do {
            let result = try await body()
            await release(key)
            return result
        } catch {
            await release(key)
            throw error
        }
    }

    private func acquire(_ key: String) async {
        guard waiters[key] != nil else {
            waiters[key] = []
            return
        }
        await withCheckedContinuation { waiters[key, default: []].append($0) }
    }

    private func release(_ key: String) {
        guard var queue = waiters[key], !queue.isEmpty else {
            waiters[key] = nil
            return
        }
        let next = queue.removeFirst()
        waiters[key] = queue
        next.resume()
    }
}
