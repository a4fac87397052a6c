/// Checks that paths given for a commit are safe repository-relative paths and do not collide.
enum PathValidator {
    /// Throws ``GitError/invalidPath(path:problem:)`` naming the first problem of `path`.
    static func validate(_ path: String) throws {
        guard !path.isEmpty else { throw GitError.invalidPath(path: path, problem: .empty) }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw GitError.invalidPath(path: path, problem: .controlCharacter)
        }
        if path.hasPrefix("/") { throw GitError.invalidPath(path: path, problem: .absolute) }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { throw GitError.invalidPath(path: path, problem: .emptyComponent) }
            if component == "." || component == ".." { throw GitError.invalidPath(path: path, problem: .dotComponent) }
            if component.lowercased() == ".git" { throw GitError.invalidPath(path: path, problem: .gitDirectory) }
        }
    }

    /// Throws ``GitError/pathCollision(path:existing:)`` when a new path differs from another path (new or
    /// already in the tree) only by letter case, or when a path is both a file and a directory.
    /// - Parameters:
    ///   - newPaths: the paths being written, already validated.
    ///   - existingPaths: the file paths of the tree they are written onto.
    static func checkCollisions(_ newPaths: [String], existingPaths: [String]) throws {
        let written = Set(newPaths)
        var files: [String: String] = [:]
        var directories: [String: String] = [:]
        for path in existingPaths where !written.contains(path) {
            files[path.lowercased()] = path
            for directory in parentDirectories(of: path) { directories[directory.lowercased()] = directory }
        }
        var seen: [String: String] = [:]
        for path in newPaths {
            let folded = path.lowercased()
            if let other = seen[folded] { throw GitError.pathCollision(path: path, existing: other) }
            seen[folded] = path
            if let other = files[folded], other != path { throw GitError.pathCollision(path: path, existing: other) }
            if let other = directories[folded] { throw GitError.pathCollision(path: path, existing: other) }
        }
        for path in newPaths {
            for directory in parentDirectories(of: path) {
                let folded = directory.lowercased()
                if let other = directories[folded], other != directory { throw GitError.pathCollision(path: path, existing: other) }
                if let other = files[folded] ?? seen[folded] { throw GitError.pathCollision(path: path, existing: other) }
                directories[folded] = directory
            }
        }
    }

    /// `a/b/c.md` → `["a", "a/b"]`.
    private static func parentDirectories(of path: String) -> [String] {
        let components = path.split(separator: "/")
        guard components.count > 1 else { return [] }
        return (1..<components.count).map { components[0..<$0].joined(separator: "/") }
    }
}
