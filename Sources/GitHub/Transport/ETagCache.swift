import Foundation

/// A small least-recently-stored cache of GET responses by URL, for `If-None-Match` requests.
actor ETagCache {
    struct Entry: Sendable {
        var etag: String
        var body: Data
        var link: String?
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    func entry(for url: String) -> Entry? { entries[url] }

    func store(_ entry: Entry, for url: String) {
        guard capacity > 0 else { return }
        if entries[url] == nil { order.append(url) }
        entries[url] = entry
        while order.count > capacity {
            let evicted = order.removeFirst()
            entries[evicted] = nil
        }
    }
}
