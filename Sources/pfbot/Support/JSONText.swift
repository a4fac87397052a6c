import Foundation

/// One JSON value as compact text, ready to be placed in the `--json` envelope: either an encodable value with
/// snake_case keys, sorted, or a document passed through verbatim (a Task Node object, an XRPL transaction).
struct JSONText: Sendable, Equatable {
    /// The compact JSON text.
    let text: String

    /// Encodes `value` with snake_case keys, sorted keys and ISO 8601 dates.
    init(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        text = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A JSON document kept as it is (it must be valid JSON; its keys are someone else's and are not renamed).
    init(verbatim text: String) {
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An object of named members, each already JSON, in key order.
    init(members: [String: JSONText]) throws {
        let parts = try members.keys.sorted().compactMap { key -> String? in
            guard let value = members[key] else { return nil }
            return try JSONText(key).text + ":" + value.text
        }
        text = "{" + parts.joined(separator: ",") + "}"
    }
}
