import Foundation

/// Who a request authenticated as.
enum EmulatedIdentity: Sendable {
    /// A personal access token's user.
    case user(EmulatedUser)
    /// An installation token (or an Actions `GITHUB_TOKEN`), acting as the App's bot user.
    case installation(id: Int, bot: EmulatedUser)
    /// The App itself (JWT).
    case app(id: Int)

    var actor: EmulatedUser? {
        switch self {
        case .user(let user): return user
        case .installation(_, let bot): return bot
        case .app: return nil
        }
    }

    var rateKey: String {
        switch self {
        case .user(let user): return "user-\(user.login)"
        case .installation(let id, _): return "installation-\(id)"
        case .app(let id): return "app-\(id)"
        }
    }
}
