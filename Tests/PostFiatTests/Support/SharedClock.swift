import Foundation
import PostFiat
import Sandbox

/// The client's view of the emulator clock.
struct SharedClock: TaskNodeClock {
    let clock: SettableClock
    func now() -> Date { clock.now() }
}
