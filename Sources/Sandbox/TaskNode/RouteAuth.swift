

/// How a route authenticates (protocol §1).
enum RouteAuth: Sendable {
    case none, optional, handler
}
