import Foundation

/// What went wrong setting up the emulator.
public enum GitHubEmulatorError: Error, CustomStringConvertible, Sendable {
    /// The server could not start.
    case startFailed(String)
    /// A registered App key is unusable.
    case invalidKey(String)
    /// A driver named something that does not exist.
    case notFound(String)
    /// A driver call was refused, with GitHub's status and message.
    case rejected(status: Int, message: String)
    /// The exchange recording folder or its files could not be written.
    case recordingFailed(String)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .startFailed(let why): return "The GitHub emulator could not start: \(why)."
        case .invalidKey(let why): return "The App public key is not a usable RSA PEM key: \(why)."
        case .notFound(let what): return "The GitHub emulator has no \(what); create it first."
        case .rejected(let status, let message): return "The GitHub emulator refused the action (\(status)): \(message)."
        case .recordingFailed(let why): return "The GitHub emulator cannot record its exchanges: \(why); choose a writable folder."
        }
    }
}
