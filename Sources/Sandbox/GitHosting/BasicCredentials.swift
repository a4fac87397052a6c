import Foundation

/// User name and password from an `Authorization: Basic …` header.
struct BasicCredentials: Equatable {
    let user: String
    let password: String

    /// Decodes the header value; `nil` when absent or not well-formed basic auth.
    init?(authorization: String?) {
        guard let authorization, authorization.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let decoded = String(data: data, encoding: .utf8), let colon = decoded.firstIndex(of: ":")
        else { return nil }
        user = String(decoded[..<colon])
        password = String(decoded[decoded.index(after: colon)...])
    }
}
