

/// The contributor's lifecycle actions (protocol §4.3).
public enum TaskLifecycleAction: String, Sendable, CaseIterable {
    /// `proposed` → `accepted`.
    case accept
    /// `proposed` → `refused`.
    case refuse
    /// accepted…verification_response_submitted → `cancelled`.
    case cancel

    /// The transition name and `statusKey` after success.
    public var transition: String {
        switch self {
        case .accept: return "accepted"
        case .refuse: return "refused"
        case .cancel: return "cancelled"
        }
    }
}
