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
                let (line, reason) = describe(error)
                return PackProblem(file: file(path), line: line, key: "", message: "is not valid Mustache (\(reason)); close every {{#section}} with {{/section}} and every {{ with }}.")
            }
        }
    }

    /// The line and a short reason of a Mustache parse error (`expectedSectionEnd at column 22`).
    static func describe(_ error: any Error) -> (line: Int?, reason: String) {
        guard let parse = error as? MustacheTemplate.ParserError else { return (nil, String(describing: error)) }
        return (parse.context.lineNumber, "\(parse.error) at column \(parse.context.columnNumber)")
    }
}
