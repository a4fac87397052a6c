/// The error libgit2 reported for a failed call: its return code, error class and message.
public struct LibGit2Failure: Sendable, Equatable, CustomStringConvertible {
    /// What the wrapper was doing, e.g. `"open repository"`.
    public let operation: String
    /// The negative return code (`git_error_code`), e.g. `-3` for `GIT_ENOTFOUND`.
    public let code: Int32
    /// The error class (`git_error_t`) libgit2 attached to the thread's last error.
    public let errorClass: LibGit2ErrorClass
    /// libgit2's message for the failure.
    public let message: String

    /// Creates a failure record.
    public init(operation: String, code: Int32, errorClass: LibGit2ErrorClass, message: String) {
        self.operation = operation
        self.code = code
        self.errorClass = errorClass
        self.message = message
    }

    /// `"<operation> failed (libgit2 <class> error, code <n>): <message>"`.
    public var description: String {
        "\(operation) failed (libgit2 \(errorClass) error, code \(code)): \(message)"
    }
}
