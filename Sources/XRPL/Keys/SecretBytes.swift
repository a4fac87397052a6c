/// Secret key material: never printed, zeroed when the last reference goes away.
///
/// The bytes are written once in `init` and only read afterwards, so sharing across tasks is safe.
public final class SecretBytes: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// Copies `bytes` into private storage.
    init(_ bytes: [UInt8]) {
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
    }

    deinit {
        for i in storage.indices { storage[i] = 0 }
        storage.deallocate()
    }

    /// Number of secret bytes.
    public var count: Int { storage.count }

    /// Runs `body` with a read-only view of the secret; do not let the bytes escape.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(storage))
    }

    /// A copy of the secret; the caller is responsible for not leaking it.
    var copy: [UInt8] { Array(storage) }

    /// Always `<redacted N bytes>`.
    public var description: String { "<redacted \(storage.count) bytes>" }
    /// Always `<redacted N bytes>`.
    public var debugDescription: String { description }
}
