/// Path rules for pack templates and rendered destinations.
enum PackPaths {
    /// A relative path of plain components: no `..`, `.`, empty parts, `.git`, control characters, backslashes or colons.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), path.utf8.count <= 255 else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.lowercased() != ".git"
                && !part.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\\" || $0 == ":" }
        }
    }

    /// Whether a rendered destination may be written by the executor: safe, and outside `.github/` (a pack never
    /// writes workflows or pfbot's own settings).
    static func isWritableDestination(_ path: String) -> Bool {
        isSafeRelativePath(path) && !path.lowercased().hasPrefix(".github/")
    }
}
