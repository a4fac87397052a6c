/// The mode of a file written by a commit.
public enum FileMode: Sendable, Equatable {
    /// A regular file (`100644`).
    case normal
    /// An executable file (`100755`).
    case executable

    /// The git file mode bits.
    var gitMode: UInt32 {
        switch self {
        case .normal: return 0o100644
        case .executable: return 0o100755
        }
    }
}
