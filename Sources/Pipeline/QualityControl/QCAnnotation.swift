import Foundation
import PFBotCore

/// Where a rule found a problem, shown as a check-run annotation.
public struct QCAnnotation: Sendable, Equatable, Codable {
    public enum Level: String, Sendable, Codable { case notice, warning, failure }
    public var path: String
    public var line: Int
    public var level: Level
    public var message: String

    public init(path: String, line: Int, level: Level, message: String) {
        self.path = path
        self.line = line
        self.level = level
        self.message = message
    }
}
