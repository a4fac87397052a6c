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
    /// `--github-url` or `--github-api-url` is not an http(s) URL.
    case invalidGitHubURL(option: String, value: String)
    /// The App's code could not be exchanged for its credentials.
    case conversionFailed(String)
    /// Nobody came back from GitHub before the one-shot page gave up.
    case appRegistrationTimedOut(seconds: Int)
    /// The one-shot page could not listen.
    case cannotServe(String)

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
        case .invalidGitHubURL(let option, let value):
            return "\(option) \(value.debugDescription) is not an http(s) URL; give e.g. https://github.com (web) or https://api.github.com (API)."
        case .conversionFailed(let why):
            return "The GitHub App was not saved: \(why)."
        case .appRegistrationTimedOut(let seconds):
            return "Nobody came back from GitHub within \(seconds) s, so nothing was saved; run `pfbot init --app` again "
                + "(and --timeout SECONDS for more time). If GitHub created an App anyway, delete it in its settings."
        case .cannotServe(let why):
            return "Cannot start the one-shot page: \(why); free the port or choose another with --port."
        }
    }
}
