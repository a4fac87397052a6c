/// Why a path given for a commit was refused.
public enum PathProblem: Sendable, Equatable, CustomStringConvertible {
    /// The path is empty.
    case empty
    /// The path starts with `/`.
    case absolute
    /// A component is `.` or `..`.
    case dotComponent
    /// A component is `.git` in any letter case.
    case gitDirectory
    /// The path contains NUL or another control character.
    case controlCharacter
    /// The path has an empty component (`a//b` or a trailing `/`).
    case emptyComponent

    /// What is wrong, in words.
    public var description: String {
        switch self {
        case .empty: return "the path is empty"
        case .absolute: return "absolute paths are not allowed"
        case .dotComponent: return "'.' and '..' components are not allowed"
        case .gitDirectory: return "a '.git' component (in any case) is not allowed"
        case .controlCharacter: return "NUL and control characters are not allowed"
        case .emptyComponent: return "empty components ('//' or a trailing '/') are not allowed"
        }
    }
}
