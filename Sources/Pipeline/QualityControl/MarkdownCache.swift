import Foundation
import Markdown
import Synchronization

/// The Markdown files of one QC run, each parsed once however many rules read it (and again only if its bytes change).
final class MarkdownCache: Sendable {
    private let documents = Mutex<[String: (data: Data, document: MarkdownDocument)]>([:])

    /// The parsed `text` of the file at `path` whose bytes are `data`.
    func document(_ path: String, data: Data, text: String) -> MarkdownDocument {
        if let cached = documents.withLock({ $0[path] }), cached.data == data { return cached.document }
        let document = MarkdownDocument(parsing: text)
        documents.withLock { $0[path] = (data, document) }
        return document
    }
}
