import Foundation
import PFBotCore

/// Where a rule found a problem, shown as a check-run annotation.
public struct QCAnnotation: Sendable, Equatable, Codable {
    /// How serious a problem is, as the check run shows it.
    public enum Level: String, Sendable, Codable { case notice, warning, failure }
    /// The file, relative to the repository root.
    public var path: String
    /// The 1-based line in the file.
    public var line: Int
    /// How serious the problem is.
    public var level: Level
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an annotation from its parts.
    public init(path: String, line: Int, level: Level, message: String) {
        self.path = path
        self.line = line
        self.level = level
        self.message = message
    }
}
