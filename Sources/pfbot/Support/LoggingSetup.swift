import Logging
import PFBotCore
import Server

/// Sends swift-log output to standard error at the configured level, once per process.
enum LoggingSetup {
    private static let once: Void = {
        LoggingSystem.bootstrap { label in
            var handler = StandardErrorLogHandler(label: label)
            handler.logLevel = .info
            return handler
        }
    }()

    /// A logger for `label` at `level`.
    static func logger(_ label: String, level: LogLevel) -> Logger {
        _ = once
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: level.rawValue) ?? .info
        return logger
    }
}
