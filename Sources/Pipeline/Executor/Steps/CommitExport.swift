import Foundation
import Git

/// A commit's files written out to a fresh folder through libgit2, so a command runs on exactly the commit being
/// judged whatever the workflow checked out (a pull request's merge commit, an older push).
struct CommitExport: Sendable {
    /// The folder holding the commit's files.
    let directory: URL

    /// Writes `tree` (the listing of `ref`) out below `scratch`.
    /// - Throws: when a file cannot be read from the mirror or written.
    static func write(_ tree: [TreeEntry], of ref: String, handle: MirrorHandle, git: any GitWorkspace, below scratch: URL) async throws -> CommitExport {
        let directory = scratch.appendingPathComponent("pfbot-\(ref.prefix(12))-\(UUID().uuidString.prefix(8))", isDirectory: true)
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        for entry in tree where entry.kind != .submodule {
            let target = directory.appendingPathComponent(entry.path)
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try await git.readFile(in: handle, ref: ref, path: entry.path) ?? Data()
            switch entry.kind {
            case .symlink:
                try files.createSymbolicLink(atPath: target.path, withDestinationPath: String(decoding: data, as: UTF8.self))
            case .executable:
                try data.write(to: target)
                try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            case .file, .submodule:
                try data.write(to: target)
            }
        }
        return CommitExport(directory: directory)
    }

    /// Deletes the folder.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
