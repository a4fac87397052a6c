import Foundation
import PFBotCore

/// The JSON Schema (draft 2020-12) of a repository's `.github/pfbot.yml`, generated from the key schema, so editors
/// that read `# yaml-language-server: $schema=…` complete and check the file as pfbot does.
public enum ConfigJSONSchema {
    /// Where the published schema lives (docs/pfbot.schema.json in pfbot's repository).
    public static let publishedURL = "https://raw.githubusercontent.com/postfiat/pfbot/main/docs/pfbot.schema.json"

    /// The schema of `.github/pfbot.yml`, as pretty-printed JSON with sorted keys (without a final newline).
    public static func repositoryFile() -> String {
        var root: [String: Any] = [:]
        for key in ConfigSchema.repositoryKeys {
            insert(property(key), at: key.path.split(separator: ".").map(String.init), into: &root)
        }
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": publishedURL,
            "title": ".github/pfbot.yml",
            "description": "A repository's own pfbot settings, read from its default branch. Keys left out keep the repository: values of the bot's pfbot.yml.",
        ].merging(object(root)) { first, _ in first }
        guard let data = try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// One key's property schema.
    static func property(_ key: ConfigKey) -> [String: Any] {
        var schema: [String: Any] = ["description": key.summary]
        switch key.kind {
        case .boolean: schema["type"] = "boolean"
        case .integer(let range): schema.merge(["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound]) { _, new in new }
        case .number(let range): schema.merge(["type": "number", "minimum": range.lowerBound, "maximum": range.upperBound]) { _, new in new }
        case .choice(let options): schema["enum"] = options
        case .list where key.path == "qc.rules":
            schema.merge(["type": "array", "items": ["enum": QualityRules.allRules], "uniqueItems": true]) { _, new in new }
        case .list, .urlList, .secretFileList: schema.merge(["type": "array", "items": ["type": "string"]]) { _, new in new }
        case .string, .url, .amount, .secretFile: schema["type"] = "string"
        }
        if let value = key.defaultValue { schema["default"] = defaultValue(value, kind: key.kind) }
        return schema
    }

    private static func defaultValue(_ text: String, kind: ConfigKey.Kind) -> Any {
        switch kind {
        case .boolean: return text == "true"
        case .integer: return Int(text) ?? text
        case .number: return Double(text) ?? text
        case .list, .urlList, .secretFileList:
            let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            return trimmed.isEmpty ? [String]() : trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        default: return text
        }
    }

    private static func insert(_ property: [String: Any], at path: [String], into tree: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            tree[head] = property
            return
        }
        var child = tree[head] as? [String: Any] ?? [:]
        insert(property, at: Array(path.dropFirst()), into: &child)
        tree[head] = child
    }

    /// A tree of properties as an object schema that refuses unknown keys (pfbot refuses them too).
    private static func object(_ tree: [String: Any]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for (name, value) in tree {
            guard let node = value as? [String: Any] else { continue }
            properties[name] = node["description"] is String ? node : object(node)
        }
        return ["type": "object", "properties": properties, "additionalProperties": false]
    }
}
