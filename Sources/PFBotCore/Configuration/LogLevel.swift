import struct Foundation.URL

/// Log levels, as swift-log names them.
public enum LogLevel: String, Sendable, Equatable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
}
