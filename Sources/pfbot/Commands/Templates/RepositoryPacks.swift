import ArgumentParser
import Foundation
import Pipeline

/// `--repository DIR`: the checkout whose `.github/pfbot/templates/` packs are laid over the built-in ones, and
/// whose files decide the code pack's toolchain.
struct RepositoryPacks: ParsableArguments {
    @Option(help: ArgumentHelp("The repository checkout (default: the current folder).", valueName: "dir"))
    var repository: String = "."

    /// The built-in packs with the repository's laid over them; refused repository packs are in `problems`.
    func library() throws -> PackLibrary {
        let builtIn: PackLibrary
        do {
            builtIn = try PackLibrary.builtIn()
        } catch {
            throw CommandFailure(code: "missing_templates", message: String(describing: error), hint: "reinstall pfbot with its pfbot_TemplateBundle.resources folder")
        }
        let folder = URL(fileURLWithPath: repository).appendingPathComponent(PackLibrary.repositoryFolder)
        guard FileManager.default.fileExists(atPath: folder.path) else { return builtIn }
        return builtIn.overlaid(withRepositoryFiles: try PackLibrary.read(folder: folder))
    }

    /// Every file path of the checkout (without `.git`, `.build` and `node_modules`), as the executor sees the tree.
    func paths() -> [String] {
        let root = URL(fileURLWithPath: repository)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker {
            if [".git", ".build", "node_modules"].contains(url.lastPathComponent) {
                walker.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
            if paths.count >= 50_000 { break }
        }
        return paths
    }

    /// Fails with every problem of the refused repository packs, when there are any.
    static func refuse(_ library: PackLibrary) throws {
        guard !library.problems.isEmpty else { return }
        throw CommandFailure(code: "invalid_pack", message: library.problems.map(\.description).joined(separator: "\n"),
                             hint: "fix each line above (docs/templates.md); until then pfbot uses the built-in pack of that name")
    }
}
