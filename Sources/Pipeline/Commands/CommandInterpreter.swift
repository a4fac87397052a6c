import Foundation
import PFBotCore

/// Turns a parsed `/pf <verb> <arguments>` into a ``TaskCommand``, or a reply saying exactly what is wrong.
public enum CommandInterpreter {
    /// The longest free text accepted (reasons, answers, requests).
    public static let maximumTextLength = 8000

    /// Validates the arguments of a verb.
    /// - Returns: the command, or a ``CommandRejection`` whose message is posted as the reply.
    public static func interpret(verb: String, argumentText: String) -> Result<TaskCommand, CommandRejection> {
        let text = InertText.clean(argumentText, limit: maximumTextLength + 1).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maximumTextLength else {
            return .failure(CommandRejection(verb: verb, message: "the text is longer than \(maximumTextLength) characters."))
        }
        switch verb.lowercased() {
        case "help": return .success(.help)
        case "status": return .success(.status)
        case "start": return noArguments(.start, text)
        case "qc": return noArguments(.qc, text)
        case "submit": return noArguments(.submit, text)
        case "accept": return .success(.accept(reason: text.isEmpty ? nil : text))
        case "cancel": return .success(.cancel(reason: text.isEmpty ? nil : text))
        case "refuse":
            guard !text.isEmpty else { return reject(verb, "give a reason: `/pf refuse <reason>` (the Task Node records it).") }
            return .success(.refuse(reason: text))
        case "verify":
            guard !text.isEmpty else { return reject(verb, "give your answer: `/pf verify <answer>`, or reply to the verification comment.") }
            return .success(.verify(answer: text))
        case "request":
            guard !text.isEmpty else { return reject(verb, "describe the task you want: `/pf request <what you would like to work on>`.") }
            return .success(.request(text: text))
        case "priority":
            guard let value = Int(text), let priority = try? ManualPriority(value) else {
                return reject(verb, "give a whole number from \(ManualPriority.range.lowerBound) to \(ManualPriority.range.upperBound): `/pf priority 10` (higher runs first).")
            }
            return .success(.priority(priority))
        case "estimate":
            let hoursText = text.lowercased().replacingOccurrences(of: "hours", with: "").replacingOccurrences(of: "h", with: "")
                .trimmingCharacters(in: .whitespaces)
            guard let hours = Double(hoursText), let estimate = try? HourEstimate(hours: hours, reasons: ["set with /pf estimate"]) else {
                return reject(verb, "give hours as a positive number up to \(Int(HourEstimate.maximumHours)): `/pf estimate 2.5`.")
            }
            return .success(.estimate(estimate))
        default:
            return reject(verb, "`\(verb)` is not a pfbot command. \(CommandCatalog.shortList)")
        }
    }

    private static func noArguments(_ command: TaskCommand, _ text: String) -> Result<TaskCommand, CommandRejection> {
        text.isEmpty ? .success(command) : reject(command.verb, "`/pf \(command.verb)` takes no arguments.")
    }

    private static func reject(_ verb: String, _ message: String) -> Result<TaskCommand, CommandRejection> {
        .failure(CommandRejection(verb: verb, message: message))
    }
}

/// Why a command was not run; the message is the reply on the issue.
public struct CommandRejection: Error, Sendable, Equatable {
    public var verb: String
    public var message: String

    public init(verb: String, message: String) {
        self.verb = verb
        self.message = message
    }
}
