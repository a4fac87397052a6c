import Foundation

/// The one place pfbot writes to standard output and standard error: text through each stream's ``TerminalStyle``,
/// and the `--json` envelope (docs/cli-json.md): `{"ok":true,"result":…}` on success,
/// `{"ok":false,"error":{"code","message","hint"},"result":…}` on failure, one line on standard output.
enum Output {
    /// Standard output's style.
    static let standardOutputStyle = TerminalStyle(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    /// Standard error's style.
    static let standardErrorStyle = TerminalStyle(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDERR_FILENO) == 1)

    /// Prints a line to standard output.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((standardOutputStyle.render(text) + "\n").utf8))
    }

    /// Prints a line to standard output exactly as given: machine-readable text (JSON, hex, Markdown), never restyled.
    static func verbatim(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((standardErrorStyle.render(text) + "\n").utf8))
    }

    /// Prints a value as indented JSON for a person to read (not the `--json` envelope).
    static func prettyJSON(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        if let data = try? encoder.encode(value) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }

    /// Prints the success envelope `{"ok":true,"result":…}`.
    static func success(_ result: JSONText) {
        FileHandle.standardOutput.write(Data((envelope(error: nil, result: result) + "\n").utf8))
    }

    /// Prints the success envelope of an encodable result (keys in snake_case).
    static func success(_ result: some Encodable) throws {
        success(try JSONText(result))
    }

    /// Prints the failure envelope `{"error":{…},"ok":false,"result":…}`.
    static func failure(_ failure: CommandFailure) {
        FileHandle.standardOutput.write(Data((envelope(error: failure, result: failure.result) + "\n").utf8))
    }

    /// Prints a failure as text on standard error: `✗ message` (one per line of the message), then the hint.
    static func failureText(_ failure: CommandFailure) {
        failure.message.split(separator: "\n", omittingEmptySubsequences: true).forEach { error("✗ \($0)") }
        if let hint = failure.hint { error("  \(hint)") }
    }

    private static func envelope(error failure: CommandFailure?, result: JSONText?) -> String {
        var members: [String] = []
        if let failure, let body = try? JSONText(ErrorBody(code: failure.code, message: failure.message, hint: failure.hint)) {
            members.append(#""error":"# + body.text)
        }
        members.append(#""ok":"# + (failure == nil ? "true" : "false"))
        if let result { members.append(#""result":"# + result.text) }
        return "{" + members.joined(separator: ",") + "}"
    }

    private struct ErrorBody: Encodable {
        var code: String
        var message: String
        var hint: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
        }

        enum CodingKeys: String, CodingKey { case code, message, hint }
    }
}
