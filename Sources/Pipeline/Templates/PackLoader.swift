/// Reads packs from a folder's files: `<pack>/pack.yml` plus the templates it names. A pack with any problem is left
/// out and its problems are returned, so a bad pack never replaces a good one.
struct PackLoader: Sendable {
    /// The folder as the user knows it, for problems (`templates`, `.github/pfbot/templates`).
    let displayRoot: String
    /// Where packs read this way come from.
    let origin: @Sendable (String) -> TemplatePack.Origin

    /// The packs in `files` (path below the root → text), and the problems of those refused.
    func load(_ files: [String: String]) -> (packs: [TemplatePack], problems: [PackProblem]) {
        var packs: [TemplatePack] = []
        var problems: [PackProblem] = []
        let folders = Set(files.keys.compactMap { path -> String? in
            let parts = path.split(separator: "/", maxSplits: 1)
            return parts.count == 2 && parts[0] != "common" ? String(parts[0]) : nil
        })
        for folder in folders.sorted() {
            let manifestPath = "\(displayRoot)/\(folder)/pack.yml"
            guard let yaml = files["\(folder)/pack.yml"] else {
                problems.append(PackProblem(file: manifestPath, line: nil, key: "", message: "is missing; every folder under \(displayRoot)/ is a pack and needs a pack.yml (docs/templates.md)."))
                continue
            }
            do throws(PackError) {
                let manifest = try PackManifestParser(fileName: manifestPath).parse(yaml, folder: folder)
                var templates: [String: String] = [:]
                var missing: [PackProblem] = []
                for (index, file) in manifest.files.enumerated() {
                    if let text = files["\(folder)/\(file.template)"] {
                        templates[file.template] = text
                    } else {
                        missing.append(PackProblem(file: manifestPath, line: Self.line(of: file.template, in: yaml), key: "files[\(index)].template",
                                                   message: "\(file.template.debugDescription) is not in \(displayRoot)/\(folder)/; add the file or fix the name."))
                    }
                }
                missing += TemplateSyntax.problems(in: templates, file: { "\(displayRoot)/\(folder)/\($0)" })
                guard missing.isEmpty else {
                    problems += missing
                    continue
                }
                packs.append(TemplatePack(manifest: manifest, templates: templates, origin: origin(folder)))
            } catch {
                problems += error.problems
            }
        }
        return (packs, problems)
    }

    /// The first line of `yaml` that mentions `text`, for problems found after parsing.
    static func line(of text: String, in yaml: String) -> Int? {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }
}
