import Foundation

/// GitHub's error document: `message`, `documentation_url`, and for 422 an `errors` array.
public struct GitHubErrorBody: Codable, Sendable, Equatable {
    /// The human message, e.g. "Validation Failed".
    public var message: String
    /// Link to the documentation of the endpoint.
    public var documentationUrl: String?
    /// Field-level validation errors (422).
    public var errors: [FieldError]?

    /// Creates an error document.
    public init(message: String, documentationUrl: String? = nil, errors: [FieldError]? = nil) {
        self.message = message
        self.documentationUrl = documentationUrl
        self.errors = errors
    }

    /// One field-level validation error.
    public struct FieldError: Codable, Sendable, Equatable {
        /// The resource, e.g. "Label".
        public var resource: String?
        /// The code: `missing`, `missing_field`, `invalid`, `already_exists`, `unprocessable` or `custom`.
        public var code: String?
        /// The offending field.
        public var field: String?
        /// A message for `custom` errors.
        public var message: String?

        /// Creates a field error.
        public init(resource: String? = nil, code: String? = nil, field: String? = nil, message: String? = nil) {
            self.resource = resource
            self.code = code
            self.field = field
            self.message = message
        }

        /// A one-line summary such as `Label.color invalid`.
        public var summary: String {
            if let message { return message }
            return "\(resource ?? "?").\(field ?? "?") \(code ?? "invalid")"
        }
    }
}
