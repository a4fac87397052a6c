import Foundation

/// A clock tests set and advance, so TTLs, session expiry and rate windows are exact without sleeping.
public final class SettableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// A clock reading `start`.
    public init(start: Date = Date(timeIntervalSince1970: 1_787_270_400)) { current = start }

    /// The current time.
    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    /// Sets the clock to `date`.
    public func set(_ date: Date) { lock.withLock { current = date } }
}
