import Foundation

/// Writes the starter files of `pfbot init` into a directory: all of them, or none when one exists already.
struct StarterFileWriter {
    /// One file to write: its path relative to the directory, and its text.
    struct File: Equatable {
        var path: String
        var text: String
    }

    /// The files `pfbot init` writes, in order, the workflow running `action`.
    static func files(action: String = ActionsWorkflow.actionReference) -> [File] {
        [
            File(path: StarterConfiguration.path, text: StarterConfiguration.text),
            File(path: StarterRepositorySettings.path, text: StarterRepositorySettings.text),
            File(path: ActionsWorkflow.path, text: ActionsWorkflow.text(action: action)),
        ]
    }

    let directory: String
    let force: Bool
    var action = ActionsWorkflow.actionReference

    /// Writes every file (mode 0644; none holds a secret), then adds the entries of ``StarterGitIgnore`` that
    /// `.gitignore` lacks.
    /// - Returns: the full paths written (`.gitignore` among them when it changed).
    /// - Throws: ``InitError/filesExist(_:)`` before writing anything when a file exists and `force` is off.
    func write() throws(InitError) -> [String] {
        let targets = Self.files(action: action).map { (file: $0, path: (directory as NSString).appendingPathComponent($0.path)) }
        let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) }.map(\.path)
        if !existing.isEmpty, !force { throw .filesExist(existing) }
        for target in targets {
            let folder = (target.path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(target.file.text.utf8).write(to: URL(fileURLWithPath: target.path), options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
            } catch {
                throw .cannotWrite(path: target.path, reason: error.localizedDescription)
            }
        }
        let ignore = try StarterGitIgnore.ensure(in: directory)
        return targets.map(\.path) + (ignore.map { [$0] } ?? [])
    }
}
