import Yams

/// Configuration values before typing: flat dotted paths to text or lists of text, with their origin.
struct RawSettings {
    /// One raw value and where it came from.
    struct Entry {
        enum Value {
            case scalar(String)
            case list([String])
        }
        var value: Value
        var origin: String
    }

    private(set) var entries: [String: Entry] = [:]
    private(set) var problems: [ConfigProblem] = []

    /// Flattens a YAML document against the known keys. Unknown keys, nested values where a scalar belongs
    /// and inline secrets become problems.
    init(yaml text: String, fileName: String, keys: [ConfigKey]) {
        let known = Dictionary(uniqueKeysWithValues: keys.map { ($0.path, $0) })
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            problems.append(ConfigProblem(keyPath: fileName, message: "is not valid YAML (\(RawSettings.describe(error))). Fix the syntax; `pfbot init` writes a valid example."))
            return
        }
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            problems.append(ConfigProblem(keyPath: fileName, message: "must be a mapping of keys to values at the top level.", origin: RawSettings.origin(fileName, node)))
            return
        }
        flatten(mapping, prefix: "", fileName: fileName, known: known)
    }

    /// An empty set of settings.
    init() {}

    /// Sets `path` from an environment variable, splitting lists on commas.
    mutating func override(_ key: ConfigKey, with text: String, origin: String) {
        if key.kind.isList {
            let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            entries[key.path] = Entry(value: .list(items), origin: origin)
        } else {
            entries[key.path] = Entry(value: .scalar(text), origin: origin)
        }
    }

    private mutating func flatten(_ mapping: Node.Mapping, prefix: String, fileName: String, known: [String: ConfigKey]) {
        for (keyNode, valueNode) in mapping {
            let origin = RawSettings.origin(fileName, keyNode)
            guard let name = keyNode.string else {
                problems.append(ConfigProblem(keyPath: prefix.isEmpty ? fileName : prefix, message: "has a key that is not text.", origin: origin))
                continue
            }
            let path = prefix.isEmpty ? name : prefix + "." + name
            if let key = known[path] {
                record(key, valueNode, origin: origin)
            } else if case .mapping(let nested) = valueNode, known.keys.contains(where: { $0.hasPrefix(path + ".") }) {
                flatten(nested, prefix: path, fileName: fileName, known: known)
            } else {
                problems.append(ConfigProblem(keyPath: path, message: RawSettings.unknownKeyMessage(path, known: known), origin: origin))
            }
        }
    }

    private mutating func record(_ key: ConfigKey, _ node: Node, origin: String) {
        switch node {
        case .scalar(let scalar):
            if scalar.string == "~" || scalar.string == "null" || (scalar.string.isEmpty && scalar.style == .plain) {
                return
            }
            if key.kind.isList {
                override(key, with: scalar.string, origin: origin)
            } else {
                entries[key.path] = Entry(value: .scalar(scalar.string), origin: origin)
            }
        case .sequence(let sequence):
            guard key.kind.isList else {
                problems.append(ConfigProblem(keyPath: key.path, message: "must be a single \(key.kind.documentation), not a list.", origin: origin))
                return
            }
            var items: [String] = []
            for item in sequence {
                guard let text = item.scalar?.string else {
                    problems.append(ConfigProblem(keyPath: key.path, message: "list items must be plain values.", origin: origin))
                    return
                }
                items.append(text)
            }
            entries[key.path] = Entry(value: .list(items), origin: origin)
        case .mapping:
            problems.append(ConfigProblem(keyPath: key.path, message: "must be a \(key.kind.documentation), not a mapping.", origin: origin))
        case .alias:
            problems.append(ConfigProblem(keyPath: key.path, message: "YAML aliases are not supported; write the value out.", origin: origin))
        }
    }

    private static func unknownKeyMessage(_ path: String, known: [String: ConfigKey]) -> String {
        let inlineSecrets = [
            "wallet.seed": "wallet.seed_file or PFBOT_WALLET_SEED",
            "wallet.mnemonic": "wallet.mnemonic_file or PFBOT_WALLET_MNEMONIC",
            "github.token": "github.token_file or PFBOT_GITHUB_TOKEN",
            "github.private_key": "github.private_key_file or PFBOT_GITHUB_PRIVATE_KEY",
            "github.webhook_secret": "github.webhook_secret_files or PFBOT_GITHUB_WEBHOOK_SECRET",
            "storage.password": "storage.password_file or PFBOT_STORAGE_PASSWORD",
            "notifications.webhook_secret": "notifications.webhook_secret_file or PFBOT_NOTIFICATIONS_WEBHOOK_SECRET",
        ]
        if let replacement = inlineSecrets[path] {
            return "secrets are never written inline; put it in a file readable only by you and set \(replacement)."
        }
        let section = path.split(separator: ".").dropLast().joined(separator: ".")
        let siblings = known.keys.filter { key in
            let parent = key.split(separator: ".").dropLast().joined(separator: ".")
            return parent == section
        }.sorted()
        let hint = siblings.isEmpty ? "" : " Known keys here: \(siblings.joined(separator: ", "))."
        return "is not a pfbot setting.\(hint) See docs/configuration.md."
    }

    private static func origin(_ fileName: String, _ node: Node) -> String {
        guard let mark = node.mark else { return fileName }
        return "\(fileName):\(mark.line)"
    }

    static func describe(_ error: any Error) -> String {
        let text = String(describing: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return String(text.prefix(200))
    }
}
