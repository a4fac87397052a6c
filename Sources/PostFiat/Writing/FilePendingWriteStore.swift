import Foundation

/// Pending writes in one owner-only JSON file.
public final class FilePendingWriteStore: PendingWriteStore, @unchecked Sendable {
    private let url: URL
    private let lock = NSLock()

    /// A store at `url`.
    public init(url: URL) { self.url = url }

    public func pending(for key: String) throws -> PendingWrite? {
        try lock.withLock { try readAll()[key] }
    }

    public func save(_ write: PendingWrite) throws {
        try lock.withLock {
            var all = try readAll()
            all[write.key] = write
            try writeAll(all)
        }
    }

    public func remove(_ key: String) throws {
        try lock.withLock {
            var all = try readAll()
            guard all.removeValue(forKey: key) != nil else { return }
            try writeAll(all)
        }
    }

    private func readAll() throws -> [String: PendingWrite] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        try PrivateFile.checkPrivate(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TaskNodeError.storageFailed("cannot read \(url.path)")
        }
        do { return try PrivateFile.decoder.decode([String: PendingWrite].self, from: data) } catch {
            throw TaskNodeError.storageFailed("\(url.path) is not a pending-write file: \(error)")
        }
    }

    private func writeAll(_ all: [String: PendingWrite]) throws {
        let data: Data
        do { data = try PrivateFile.encoder.encode(all) } catch {
            throw TaskNodeError.storageFailed("cannot encode pending writes: \(error)")
        }
        try PrivateFile.write(data, to: url)
    }
}
