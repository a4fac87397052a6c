import Foundation
import PostFiat

/// A body that breaks its route's contract (`request-validation.js`): status, code and field.
struct BodyViolation: Error, Sendable {
    let status: Int
    let code: String
    let field: String?
}
