import Foundation
import PostFiat
import Sandbox

/// A sleeper that never sleeps: it records the waits and advances the emulator clock by them.
final class RecordingSleeper: RetrySleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Double] = []
    let clock: SettableClock

    init(clock: SettableClock) { self.clock = clock }

    var recorded: [Double] { lock.withLock { waits } }

    func sleep(seconds: Double) async throws {
        lock.withLock { waits.append(seconds) }
        clock.advance(by: seconds)
    }
}
