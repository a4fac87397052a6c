import Foundation

/// A file read through the contents API (`content-file`): its path, blob id and bytes.
public struct RepositoryFile: Sendable, Equatable, Decodable {
    /// The path in the repository.
    public var path: String
    /// The git blob id.
    public var sha: String
    /// The file's bytes (decoded from GitHub's base64).
    public var content: Data

    /// Creates a file.
    public init(path: String, sha: String, content: Data) {
        self.path = path
        self.sha = sha
        self.content = content
    }

    private enum CodingKeys: String, CodingKey {
        case path, sha, content, encoding, type
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        sha = try container.decode(String.self, forKey: .sha)
        let type = try container.decodeIfPresent(String.self, forKey: .type) ?? "file"
        guard type == "file" else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "\(path) is a \(type), not a file")
        }
        let encoding = try container.decodeIfPresent(String.self, forKey: .encoding) ?? "base64"
        let text = try container.decodeIfPresent(String.self, forKey: .content) ?? ""
        guard encoding == "base64", let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else {
            throw DecodingError.dataCorruptedError(forKey: .content, in: container,
                                                   debugDescription: "\(path) came as \(encoding), not base64 (files over 1 MB are not served this way)")
        }
        content = data
    }
}
