import Foundation
import GitHub

/// A clock whose sleeps return at once, advance time, and are recorded.
final class TestClock: GitHubClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Double] = []

    init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = start
    }

    func now() -> Date {
        lock.withLock { current }
    }

    func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        lock.withLock {
            recorded.append(seconds)
            current = current.addingTimeInterval(seconds)
        }
    }

    func advance(_ seconds: Double) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    var sleeps: [Double] { lock.withLock { recorded } }
}
