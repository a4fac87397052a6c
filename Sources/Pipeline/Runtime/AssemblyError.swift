import PFBotConfig
import PFBotCore

/// The bot cannot be built from this configuration; the description names the setting and the fix.
public enum AssemblyError: Error, CustomStringConvertible {
    /// A required setting is not set: its key and how to set it.
    case missing(String, String)
    /// A secret cannot be read; the text names the setting and the problem.
    case secret(String)

    /// The setting at fault and how to fix it.
    public var description: String {
        switch self {
        case .missing(let key, let fix): return "\(key) is not set: \(fix)."
        case .secret(let problem): return problem
        }
    }

    /// Reads a secret, turning the reader's problem into an assembly error.
    static func read(_ secrets: SecretReader, _ reference: SecretReference, _ key: String) throws -> String {
        do throws(ConfigProblem) {
            return try secrets.read(reference, keyPath: key)
        } catch {
            throw AssemblyError.secret(error.description)
        }
    }
}
