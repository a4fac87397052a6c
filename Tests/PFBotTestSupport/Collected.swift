import Synchronization

/// Values appended from several tasks or threads at once, read as a snapshot.
public final class Collected<Element: Sendable>: Sendable {
    private let values = Mutex<[Element]>([])

    public init() {}

    /// The values so far, in the order they were appended.
    public var all: [Element] { values.withLock { $0 } }
    /// How many values were appended.
    public var count: Int { values.withLock { $0.count } }

    public func append(_ value: Element) { values.withLock { $0.append(value) } }
}
