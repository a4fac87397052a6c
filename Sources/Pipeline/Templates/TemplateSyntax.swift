import Mustache

/// Checks that templates parse as Mustache, so a broken template is refused when its pack is loaded, not when a
/// task is rendered.
enum TemplateSyntax {
    /// A problem per template that does not parse.
    static func problems(in templates: [String: String], file: (String) -> String) -> [PackProblem] {
        templates.sorted { $0.key < $1.key }.compactMap { path, text in
            do {
                _ = try MustacheTemplate(string: text)
                return nil
            } catch {
                return PackProblem(file: file(path), line: nil, key: "", message: "is not valid Mustache (\(error)); close every {{#section}} with {{/section}}.")
            }
        }
    }
}
