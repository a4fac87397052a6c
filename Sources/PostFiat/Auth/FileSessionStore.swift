import Foundation

/// A session store in one JSON file with mode 0600; it refuses to read a file readable by group or others.
public struct FileSessionStore: SessionStore {
    /// The file.
    public let url: URL

    /// A store at `url` (its folder is created with mode 0700 on first save).
    public init(url: URL) { self.url = url }

    public func load() throws -> TaskNodeSession? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        try PrivateFile.checkPrivate(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TaskNodeError.storageFailed("cannot read \(url.path)")
        }
        do {
            return try PrivateFile.decoder.decode(TaskNodeSession.self, from: data)
        } catch {
            throw TaskNodeError.storageFailed("\(url.path) is not a pfbot session file (\(error)); delete it and log in again")
        }
    }

    public func save(_ session: TaskNodeSession) throws {
        let data: Data
        do { data = try PrivateFile.encoder.encode(session) } catch {
            throw TaskNodeError.storageFailed("cannot encode the session: \(error)")
        }
        try PrivateFile.write(data, to: url)
    }

    public func clear() throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do { try FileManager.default.removeItem(at: url) } catch {
            throw TaskNodeError.storageFailed("cannot delete \(url.path): \(error)")
        }
    }
}
