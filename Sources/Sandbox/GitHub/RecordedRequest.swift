import Foundation

/// A request the emulator received, kept for assertions.
public struct RecordedRequest: Sendable, Equatable {
    /// The method.
    public var method: String
    /// The path without the query.
    public var path: String
    /// The query parameters.
    public var query: [String: String]
    /// Headers by lower-cased name.
    public var headers: [String: String]
    /// The raw body.
    public var body: Data
    /// The status the emulator answered.
    public var status: Int
}
