/// Why `pfbot init` wrote nothing.
enum InitError: Error, CustomStringConvertible, Equatable {
    /// Files that already exist; `--force` replaces them.
    case filesExist([String])
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// `--url` is not an http(s) URL.
    case invalidURL(String)
    /// `--action` is not an `OWNER/REPO@REF` reference.
    case invalidAction(String)

    var description: String {
        switch self {
        case .filesExist(let paths):
            return "Not overwriting \(paths.joined(separator: ", ")); move them away or run `pfbot init --force` to replace them."
        case .cannotWrite(let path, let reason):
            return "Cannot write \(path): \(reason). Check that the folder exists and is writable."
        case .invalidURL(let text):
            return "--url \(text.debugDescription) is not an http(s) URL; give the address GitHub reaches pfbot serve at, e.g. https://pfbot.example.org."
        case .invalidAction(let text):
            return "--action \(text.debugDescription) is not an action reference; give OWNER/REPO@REF, e.g. my-org/pfbot@v1.2.0."
        }
    }
}
