import Foundation
import PFBotCore

/// Reads a saved webhook body (`receive`, `action`, `github verify-webhook`), refusing a file over the body limit
/// before reading it, so a huge file never lands in memory.
enum WebhookBodyFile {
    /// - Parameters:
    ///   - path: the file.
    ///   - limit: the largest body accepted; `server.max_body_bytes` when a configuration is at hand.
    /// - Throws: ``WebhookBodyFileError``.
    static func read(_ path: String, limit: Int = ServerSettings.defaultMaxBodyBytes) throws(WebhookBodyFileError) -> Data {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { throw .unreadable(path) }
        guard size <= limit else { throw .tooLarge(path, bytes: size, limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        guard data.count <= limit else { throw .tooLarge(path, bytes: data.count, limit: limit) }
        return data
    }
}

/// A saved webhook body could not be used.
enum WebhookBodyFileError: Error, CustomStringConvertible {
    case unreadable(String)
    case tooLarge(String, bytes: Int, limit: Int)

    var description: String {
        switch self {
        case .unreadable(let path): return "cannot read \(path); check the path and its permissions"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path) holds \(bytes) bytes, more than the \(limit)-byte webhook body limit (GitHub's 25 MB cap, server.max_body_bytes); it is not a GitHub delivery"
        }
    }
}
