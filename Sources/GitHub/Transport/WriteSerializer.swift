import Foundation

/// Serializes content-creating calls per key (installation) so they run one at a time, spaced apart.
actor WriteSerializer {
    private var busy: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var lastFinished: [String: Date] = [:]

    /// Waits for the key to be free; returns when the previous write on it finished.
    func acquire(_ key: String) async -> Date? {
        if busy.contains(key) {
            await withCheckedContinuation { waiters[key, default: []].append($0) }
        } else {
            busy.insert(key)
        }
        return lastFinished[key]
    }

    /// Frees the key, handing it to the next waiter.
    func release(_ key: String, finishedAt: Date) {
        lastFinished[key] = finishedAt
        if var queue = waiters[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[key] = queue
            next.resume()
        } else {
            busy.remove(key)
        }
    }
}
