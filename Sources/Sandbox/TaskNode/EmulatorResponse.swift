import Foundation

/// An answer from the emulator.
public struct EmulatorResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Headers.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: Data

    /// An answer.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
