import Foundation
import PFBotCore
import TemplateBundle

/// The packs a repository can use: pfbot's built-in packs with the repository's own laid over them (same name
/// replaces), the shared files every pack renders (`templates/common/`), and the problems of repository packs that
/// were refused (their built-in namesakes stay in use).
public struct PackLibrary: Sendable {
    /// The folder of repository packs on the default branch.
    public static let repositoryFolder = ".github/pfbot/templates"
    /// The pack used when nothing else matches.
    public static let fallbackPack = "other"

    /// Every pack, by name.
    public private(set) var packs: [TemplatePack]
    /// Files every pack renders into the task folder (file name → template), unless a pack writes the same destination.
    public private(set) var common: [String: String]
    /// Problems of repository packs that were refused.
    public private(set) var problems: [PackProblem]

    /// Creates a library from its parts.
    public init(packs: [TemplatePack], common: [String: String], problems: [PackProblem] = []) {
        self.packs = packs.sorted { $0.name < $1.name }
        self.common = common
        self.problems = problems
    }

    /// pfbot's built-in packs from the resource bundle.
    /// - Throws: ``TemplateError/missingBuiltIns(_:)`` when the bundle is missing or one of its packs is invalid.
    public static func builtIn() throws -> PackLibrary {
        guard let root = TemplateBundle.root else {
            throw TemplateError.missingBuiltIns("the pfbot_TemplateBundle resource bundle is not installed beside the binary")
        }
        let files = try read(folder: root)
        let (packs, problems) = PackLoader(displayRoot: "templates", origin: { _ in .builtIn }).load(files)
        if let problem = problems.first { throw TemplateError.missingBuiltIns(problem.description) }
        let common = files.filter { $0.key.hasPrefix("common/") && $0.key.hasSuffix(".mustache") }
        return PackLibrary(packs: packs, common: Dictionary(uniqueKeysWithValues: common.map {
            (String($0.key.dropFirst("common/".count).dropLast(".mustache".count)), $0.value)
        }))
    }

    /// Reads every UTF-8 file below a folder (path relative to it → text); other files are skipped.
    /// - Throws: when the folder cannot be listed.
    public static func read(folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            files[name] = text
        }
        return files
    }

    /// This library with a repository's packs laid over it. A repository pack with problems is left out (and its
    /// problems recorded), so the built-in pack of that name stays in use.
    /// - Parameter files: paths below `.github/pfbot/templates/` → text.
    /// - Returns: the merged library.
    public func overlaid(withRepositoryFiles files: [String: String]) -> PackLibrary {
        let loader = PackLoader(displayRoot: Self.repositoryFolder, origin: { .repository(folder: "\(Self.repositoryFolder)/\($0)") })
        let (repositoryPacks, repositoryProblems) = loader.load(files)
        let replaced = Set(repositoryPacks.map(\.name))
        return PackLibrary(packs: packs.filter { !replaced.contains($0.name) } + repositoryPacks, common: common, problems: problems + repositoryProblems)
    }

    /// The pack named `name`, if any.
    public func pack(named name: String) -> TemplatePack? {
        packs.first { $0.name == name }
    }

    /// The best pack for a task: category match scores 10, each keyword found 2, the evidence type 1; ties go to a
    /// repository pack, then by name. A task nothing matches gets the `other` pack.
    /// - Throws: ``TemplateError/missingBuiltIns(_:)`` when no pack matches and there is no `other` pack.
    public func choose(for task: PostFiatTask, analysis: TaskAnalysis) throws -> PackChoice {
        let haystack = ([task.title, task.description] + analysis.requirements.map(\.text)).joined(separator: "\n").lowercased()
        let scored = packs.map { pack -> (pack: TemplatePack, score: Int, reasons: [String]) in
            let when = pack.manifest.when
            var score = 0
            var reasons: [String] = []
            if when.categories.contains(analysis.category) {
                score += 10
                reasons.append("category \(analysis.category.rawValue)")
            }
            let found = when.keywords.filter { haystack.contains($0.lowercased()) }
            if !found.isEmpty {
                score += 2 * found.count
                reasons.append("keywords " + found.joined(separator: ", "))
            }
            if let evidence = task.submissionRequirement?.rawType, when.evidenceTypes.contains(evidence) {
                score += 1
                reasons.append("evidence \(evidence)")
            }
            return (pack, score, reasons)
        }
        let best = scored.filter { $0.score > 0 }.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if (lhs.pack.origin == .builtIn) != (rhs.pack.origin == .builtIn) { return rhs.pack.origin == .builtIn }
            return lhs.pack.name < rhs.pack.name
        }.first
        if let best {
            return PackChoice(pack: best.pack, reason: best.reasons.joined(separator: "; ") + " (score \(best.score))")
        }
        guard let fallback = pack(named: Self.fallbackPack) else {
            throw TemplateError.missingBuiltIns("no pack matches and there is no \(Self.fallbackPack) pack")
        }
        return PackChoice(pack: fallback, reason: "no pack matched the task; the generic pack")
    }
}
