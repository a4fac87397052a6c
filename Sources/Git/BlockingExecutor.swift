import Foundation

/// Runs blocking libgit2 work on a dedicated thread, off Swift's cooperative pool.
///
/// Concurrency model: each call gets a fresh thread that opens whatever libgit2 handles it needs, uses them,
/// and frees them before returning. No libgit2 object outlives the closure or crosses a thread; only the
/// `Sendable` inputs captured by the closure and its `Sendable` result do. libgit2's per-thread error state is
/// therefore always read on the thread that produced it.
enum BlockingExecutor {
    /// Runs `work` on a new thread and resumes the caller with its result.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                LibGit2Runtime.ensureInitialised()
                continuation.resume(with: Swift.Result { try work() })
            }
            thread.name = "pfbot.git"
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}
