import CLibGit2

/// Owns one libgit2 object and frees it exactly once, when the last Swift reference goes away.
///
/// Not `Sendable`: a handle lives and dies on the thread of the ``BlockingExecutor`` call that made it. The raw
/// pointer is only lent out for the duration of ``withPointer(_:)``, while the handle is known to be alive.
final class OwnedHandle {
    private let pointer: OpaquePointer
    private let free: (OpaquePointer) -> Void
    /// Keeps the owning repository alive for objects (trees, commits, remotes) that point into it.
    private let parent: AnyObject?

    private init(pointer: OpaquePointer, parent: AnyObject?, free: @escaping (OpaquePointer) -> Void) {
        self.pointer = pointer
        self.parent = parent
        self.free = free
    }

    deinit { free(pointer) }

    /// Calls a libgit2 constructor that fills an out-pointer and wraps the result.
    /// - Parameters:
    ///   - operation: what is being done, for the error message.
    ///   - parent: the object that must outlive this one (usually the repository).
    ///   - free: the matching `git_*_free`.
    ///   - make: the constructor call, given the out-pointer.
    static func make(
        _ operation: @autoclosure () -> String,
        parent: AnyObject? = nil,
        free: @escaping (OpaquePointer) -> Void,
        _ make: (UnsafeMutablePointer<OpaquePointer?>) -> Int32
    ) throws -> OwnedHandle {
        var out: OpaquePointer?
        let code = make(&out)
        try LibGit2Runtime.check(code, operation())
        guard let out else {
            throw GitError.libgit2(LibGit2Failure(operation: operation(), code: -1, errorClass: .none, message: "libgit2 returned no object"))
        }
        return OwnedHandle(pointer: out, parent: parent, free: free)
    }

    /// Lends the raw pointer to `body`; the pointer must not escape it.
    @discardableResult
    func withPointer<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        try body(pointer)
    }
}
