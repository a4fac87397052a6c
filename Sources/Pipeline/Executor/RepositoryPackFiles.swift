import Foundation
import Git

/// The files of a repository's template packs, `.github/pfbot/templates/…` at a commit, read from the libgit2 mirror
/// (no API call). Files over 1 MiB or not UTF-8 are left out; a pack naming one is then refused as missing it.
enum RepositoryPackFiles {
    /// The largest template file read.
    static let maximumBytes = 1 << 20

    /// Path below `.github/pfbot/templates/` → text, at `ref`.
    static func read(_ git: any GitWorkspace, handle: MirrorHandle, ref: String, tree: [TreeEntry]) async throws -> [String: String] {
        let prefix = PackLibrary.repositoryFolder + "/"
        var files: [String: String] = [:]
        for entry in tree where entry.kind == .file && entry.path.hasPrefix(prefix) && (entry.size ?? 0) <= maximumBytes {
            guard let data = try await git.readFile(in: handle, ref: ref, path: entry.path), let text = String(data: data, encoding: .utf8) else { continue }
            files[String(entry.path.dropFirst(prefix.count))] = text
        }
        return files
    }
}
