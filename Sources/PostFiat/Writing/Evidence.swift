import Foundation
import PFBotCore

/// One piece of evidence for a submission or verification response (protocol §4.4).
public struct Evidence: Sendable, Hashable {
    /// The artifact type (`url`, `github_commit`, `text`, `file`…; never `mixed`, which is derived).
    public var type: EvidenceType
    /// The value: a URL, the text, or the file's content.
    public var value: String
    /// Notes for the reviewer (≤8,000 characters).
    public var notes: String?

    /// The longest value the Task Node stores.
    public static let maximumValueLength = 120_000
    /// The longest notes the Task Node stores.
    public static let maximumNotesLength = 8_000

    /// Evidence of an explicit type.
    /// - Throws: ``TaskNodeError/invalidEvidence(_:)`` for empty or over-long values, or the type `mixed`.
    public init(type: EvidenceType, value: String, notes: String? = nil) throws {
        guard type != .mixed else { throw TaskNodeError.invalidEvidence("`mixed` is derived from several items; give each item its own type") }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw TaskNodeError.invalidEvidence("the \(type) evidence is empty; an empty submission would still advance the task")
        }
        guard value.count <= Evidence.maximumValueLength else {
            throw TaskNodeError.invalidEvidence("the \(type) evidence has \(value.count) characters; the limit is \(Evidence.maximumValueLength)")
        }
        if let notes, notes.count > Evidence.maximumNotesLength {
            throw TaskNodeError.invalidEvidence("notes have \(notes.count) characters; the limit is \(Evidence.maximumNotesLength)")
        }
        self.type = type
        self.value = value
        self.notes = notes
    }

    /// Classifies command-line text: an http(s) URL → `url` (a GitHub commit link included: the Task Node's
    /// reviewer fetches and checks only `url` items and records a `github_commit` as self-attested, protocol §4.4),
    /// else `text`. (`@path` files are read by the caller and passed as ``EvidenceType/file``.)
    public static func classify(_ text: String) throws -> Evidence {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
           let host = url.host, !host.isEmpty, !trimmed.contains(" ") {
            return try Evidence(type: .url, value: trimmed)
        }
        return try Evidence(type: .text, value: text)
    }
}
