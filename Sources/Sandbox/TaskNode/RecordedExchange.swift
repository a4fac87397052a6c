import Foundation

/// One recorded exchange.
public struct RecordedExchange: Sendable {
    /// The request.
    public var request: EmulatorRequest
    /// The status answered.
    public var status: Int
    /// The `error` code answered, if any.
    public var errorCode: String?
}
