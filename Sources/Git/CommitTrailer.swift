/// A `Key: value` line appended to a commit message, e.g. `Post-Fiat-Task: 42`.
public struct CommitTrailer: Sendable, Equatable {
    /// The trailer key, e.g. `Post-Fiat-Task`; letters, digits and `-` only.
    public let key: String
    /// The trailer value on a single line.
    public let value: String

    /// Creates a trailer.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// The trailer as it appears in the message.
    var line: String { "\(key): \(value)" }

    /// Throws ``GitError/invalidMessage(_:)`` unless the key is a token and the value a single line.
    func validate() throws {
        let keyIsToken = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-") }
        guard keyIsToken else { throw GitError.invalidMessage("trailer key '\(key)' must be letters, digits and '-'") }
        guard !value.contains(where: { $0.isNewline }), !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw GitError.invalidMessage("trailer \(key) must have a single-line value without control characters")
        }
    }
}
