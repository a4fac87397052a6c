import Foundation

/// A ready response carried as a failure.
struct GitHubEmulatorResponseError: Error {
    var response: GitHubEmulatorResponse
    init(_ response: GitHubEmulatorResponse) { self.response = response }
}
