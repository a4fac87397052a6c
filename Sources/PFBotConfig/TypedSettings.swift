import Foundation
import PFBotCore

/// Reads typed values out of ``RawSettings``, falling back to each key's default and collecting problems.
struct TypedSettings {
    private let raw: RawSettings
    private let keys: [String: ConfigKey]
    private let pathPrefix: String
    private(set) var problems: [ConfigProblem] = []

    init(raw: RawSettings, keys: [ConfigKey], pathPrefix: String = "") {
        self.raw = raw
        self.keys = Dictionary(uniqueKeysWithValues: keys.map { ($0.path, $0) })
        self.pathPrefix = pathPrefix
    }

    /// Whether the key was set in the file or the environment.
    func isSet(_ path: String) -> Bool { raw.entries[path] != nil }

    /// The origin of a set value, for messages.
    func origin(_ path: String) -> String? { raw.entries[path]?.origin }

    mutating func string(_ path: String) -> String? {
        guard let text = scalar(path) else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            fail(path, "must not contain control characters.")
            return nil
        }
        return text
    }

    mutating func integer(_ path: String) -> Int? {
        guard let text = scalar(path) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            fail(path, "must be a whole number, got \(text.debugDescription).")
            return nil
        }
        if case .integer(let range) = keys[path]?.kind, !range.contains(value) {
            fail(path, "must be between \(range.lowerBound) and \(range.upperBound), got \(value).")
            return nil
        }
        return value
    }

    mutating func number(_ path: String) -> Double? {
        guard let text = scalar(path) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            fail(path, "must be a number, got \(text.debugDescription).")
            return nil
        }
        if case .number(let range) = keys[path]?.kind, !range.contains(value) {
            fail(path, "must be between \(range.lowerBound) and \(range.upperBound), got \(value).")
            return nil
        }
        return value
    }

    mutating func boolean(_ path: String) -> Bool? {
        guard let text = scalar(path) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default:
            fail(path, "must be true or false, got \(text.debugDescription).")
            return nil
        }
    }

    mutating func url(_ path: String) -> URL? {
        guard let text = scalar(path) else { return nil }
        return checkedURL(path, text)
    }

    mutating func amount(_ path: String) -> PFTAmount? {
        guard let text = scalar(path) else { return nil }
        do {
            let amount = try PFTAmount(parsing: text)
            guard !amount.isNegative else {
                fail(path, "must not be negative, got \(text).")
                return nil
            }
            return amount
        } catch {
            fail(path, "must be a decimal PFT amount such as 12.5, got \(text.debugDescription).")
            return nil
        }
    }

    mutating func choice(_ path: String) -> String? {
        guard let text = scalar(path) else { return nil }
        if case .choice(let options) = keys[path]?.kind, !options.contains(text) {
            fail(path, "must be one of \(options.joined(separator: ", ")), got \(text.debugDescription).")
            return nil
        }
        return text
    }

    mutating func list(_ path: String) -> [String] {
        if let entry = raw.entries[path] {
            switch entry.value {
            case .list(let items): return items
            case .scalar(let text): return [text]
            }
        }
        guard let defaultValue = keys[path]?.defaultValue, defaultValue != "[]" else { return [] }
        return defaultValue.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    mutating func urlList(_ path: String) -> [URL] {
        list(path).compactMap { checkedURL(path, $0) }
    }

    mutating func secretFile(_ path: String) -> SecretReference? {
        guard let text = scalar(path) else { return nil }
        return .file(path: text)
    }

    mutating func fail(_ path: String, _ message: String) {
        problems.append(ConfigProblem(keyPath: pathPrefix + path, message: message, origin: raw.entries[path]?.origin))
    }

    private func scalar(_ path: String) -> String? {
        if let entry = raw.entries[path] {
            switch entry.value {
            case .scalar(let text): return text
            case .list(let items): return items.joined(separator: ",")
            }
        }
        return keys[path]?.defaultValue
    }

    private mutating func checkedURL(_ path: String, _ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            fail(path, "must be an http(s) URL such as https://example.org, got \(text.debugDescription).")
            return nil
        }
        if url.user != nil || url.password != nil {
            fail(path, "must not carry credentials; secrets go in files or the environment.")
            return nil
        }
        return url
    }
}
