

/// GitHub's repository permission levels, weakest first.
public enum RepositoryPermission: String, Sendable, Equatable, Comparable, CaseIterable {
    case none, read, triage, write, maintain, admin

    private var rank: Int { RepositoryPermission.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: RepositoryPermission, rhs: RepositoryPermission) -> Bool { lhs.rank < rhs.rank }
}
