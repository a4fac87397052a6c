import Foundation
import PFBotCore

/// Reads secrets from files or the environment, refusing files that others can read.
public struct SecretReader: Sendable {
    /// The environment consulted for `.environment` secrets.
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The secret's value, with one trailing newline removed.
    /// - Parameter keyPath: the configuration key, named in errors.
    /// - Throws: ``ConfigProblem`` when the file is missing, unreadable, readable by group or others, or empty.
    public func read(_ reference: SecretReference, keyPath: String) throws(ConfigProblem) -> String {
        switch reference {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw ConfigProblem(keyPath: keyPath, message: "environment variable \(name) is empty or unset.")
            }
            return value
        case .file(let path):
            try check(path: path, keyPath: keyPath)
            guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8) else {
                throw ConfigProblem(keyPath: keyPath, message: "secret file \(path) cannot be read as UTF-8 text.")
            }
            if text.hasSuffix("\r\n") { text.removeLast(2) } else if text.hasSuffix("\n") { text.removeLast() }
            guard !text.isEmpty else { throw ConfigProblem(keyPath: keyPath, message: "secret file \(path) is empty.") }
            return text
        }
    }

    /// Checks a secret without returning it: the file exists, is a regular file and only its owner can read it.
    /// - Throws: ``ConfigProblem`` saying what to fix.
    public func check(_ reference: SecretReference, keyPath: String) throws(ConfigProblem) {
        _ = try read(reference, keyPath: keyPath)
    }

    private func check(path: String, keyPath: String) throws(ConfigProblem) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ConfigProblem(keyPath: keyPath, message: "secret file \(path) does not exist; create it (mode 0600) or fix the path.")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ConfigProblem(keyPath: keyPath, message: "secret file \(path) is not a regular file.")
        }
        let permissions = status.st_mode & 0o777
        guard permissions & 0o077 == 0 else {
            throw ConfigProblem(
                keyPath: keyPath,
                message: "secret file \(path) is readable by others (mode \(String(permissions, radix: 8))); run `chmod 600 \(path)`."
            )
        }
    }
}
