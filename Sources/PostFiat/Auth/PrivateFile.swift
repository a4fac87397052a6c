import Foundation

/// Reads and writes owner-only files atomically.
enum PrivateFile {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Throws unless `url` is accessible by its owner only.
    static func checkPrivate(_ url: URL) throws {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: url.path) } catch {
            throw TaskNodeError.storageFailed("cannot inspect \(url.path): \(error)")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        if mode & 0o077 != 0 { throw TaskNodeError.insecureSessionFile(path: url.path, mode: mode) }
    }

    /// Writes `data` to `url` through a 0600 temporary file and an atomic rename.
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        do {
            if !manager.fileExists(atPath: folder.path) {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            }
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw TaskNodeError.storageFailed("cannot create \(temporary.path)")
            }
            guard rename(temporary.path, url.path) == 0 else {
                try? manager.removeItem(at: temporary)
                throw TaskNodeError.storageFailed("cannot move the new file into place at \(url.path) (errno \(errno))")
            }
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch let error as TaskNodeError {
            throw error
        } catch {
            throw TaskNodeError.storageFailed("cannot write \(url.path): \(error)")
        }
    }
}
