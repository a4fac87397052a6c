/// How far a branch and its base have diverged.
public struct AheadBehind: Sendable, Equatable {
    /// Commits on the branch that the base lacks.
    public let ahead: Int
    /// Commits on the base that the branch lacks.
    public let behind: Int

    /// Creates a count.
    public init(ahead: Int, behind: Int) {
        self.ahead = ahead
        self.behind = behind
    }
}
