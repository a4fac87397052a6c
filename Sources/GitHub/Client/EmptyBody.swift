import Foundation

/// An empty JSON object body.
struct EmptyBody: Encodable {}
