import CLibGit2

/// Process-wide libgit2 set-up and the one way wrapper code turns a libgit2 return code into a ``GitError``.
///
/// `git_libgit2_init` runs once per process, on first use, and is never balanced by a shutdown: the library
/// stays ready until the process exits, so no operation can race a shutdown.
enum LibGit2Runtime {
    private static let initialised: Bool = git_libgit2_init() > 0

    /// Initialises libgit2 if no call has yet. Safe from any thread (Swift runs the initialiser exactly once).
    static func ensureInitialised() {
        _ = initialised
    }

    /// Throws the thread's last libgit2 error when `code` is negative.
    ///
    /// Must run on the thread that made the call: libgit2 keeps the last error per thread.
    @discardableResult
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) -> Int32 {
        guard code < 0 else { return code }
        throw .libgit2(lastFailure(code: code, operation: operation()))
    }

    /// The thread's last libgit2 error as a ``LibGit2Failure``.
    static func lastFailure(code: Int32, operation: String) -> LibGit2Failure {
        guard let last = git_error_last() else {
            return LibGit2Failure(operation: operation, code: code, errorClass: .none, message: "no error message")
        }
        let message = last.pointee.message.map { String(cString: $0) } ?? "no error message"
        return LibGit2Failure(operation: operation, code: code, errorClass: LibGit2ErrorClass(rawValue: last.pointee.klass), message: message)
    }
}
