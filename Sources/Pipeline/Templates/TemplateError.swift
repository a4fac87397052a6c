/// Template problems; each names the file.
public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The built-in template bundle cannot be read; the text says why.
    case missingBuiltIns(String)
    /// A rendered destination is not a plain relative path outside `.github/`.
    case unsafePath(pack: String, path: String)
    /// A template is not valid Mustache.
    case syntax(path: String, reason: String)

    /// The problem and the template file it is in, for the person who configured the templates.
    public var description: String {
        switch self {
        case .missingBuiltIns(let why):
            return "pfbot's built-in templates are missing or broken (\(why)); reinstall pfbot with its pfbot_TemplateBundle.resources folder."
        case .unsafePath(let pack, let path):
            return "Pack \(pack) renders the destination \(path.debugDescription), which is not a plain relative path outside .github/; fix files[].destination in its pack.yml."
        case .syntax(let path, let reason):
            return "Template \(path) is not valid Mustache (\(reason)); close every {{#section}} with {{/section}}."
        }
    }
}
