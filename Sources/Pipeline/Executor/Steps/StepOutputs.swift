import Foundation

/// The files a step produced: each declared path (a file, or a folder read recursively) below the folder the step
/// ran in, as repository paths. Paths that leave the folder, symbolic links and missing paths are skipped.
enum StepOutputs {
    /// The largest output file committed, in bytes.
    static let maximumFileBytes = 10_485_760

    static func read(_ declared: [String], in directory: URL) -> [(path: String, data: Data)] {
        let files = FileManager.default
        var found: [String: Data] = [:]
        for path in declared {
            let parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
            guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else { continue }
            let relative = parts.joined(separator: "/")
            let url = directory.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            let candidates = isDirectory.boolValue ? ((files.enumerator(atPath: url.path)?.allObjects as? [String]) ?? []).map { relative + "/" + $0 } : [relative]
            for candidate in candidates {
                guard let data = regularFile(directory.appendingPathComponent(candidate), maximumBytes: maximumFileBytes) else { continue }
                found[candidate] = data
            }
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The most files ``matching(_:in:)`` returns.
    static let maximumMatches = 20

    /// The regular files below `directory` whose relative path matches `pattern` (`fnmatch`), at most
    /// ``maximumMatches`` of at most `maximumBytes` each.
    static func matching(_ pattern: String, in directory: URL, maximumBytes: Int = maximumFileBytes) -> [(path: String, data: Data)] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var found: [(path: String, data: Data)] = []
        while let relative = walker.nextObject() as? String, found.count < maximumMatches {
            guard fnmatch(pattern, relative, 0) == 0, let data = regularFile(directory.appendingPathComponent(relative), maximumBytes: maximumBytes) else { continue }
            found.append((relative, data))
        }
        return found
    }

    /// The contents of `file` when it is a regular file (not a symbolic link) of at most `maximumBytes`.
    private static func regularFile(_ file: URL, maximumBytes: Int) -> Data? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path), attributes[.type] as? FileAttributeType == .typeRegular,
              (attributes[.size] as? Int ?? 0) <= maximumBytes else { return nil }
        return try? Data(contentsOf: file)
    }
}
