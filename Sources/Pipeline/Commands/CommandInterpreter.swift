import Foundation
import PFBotCore

/// Turns a `/pf <verb> <arguments>` line into a ``TaskCommand``, or a reply saying exactly what is wrong: the
/// text is cleaned and bounded here, then read by the verb's own grammar.
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
        guard let definition = CommandRegistry.verb(named: verb) else {
            return .failure(CommandRejection(verb: verb, message: "`\(IssueComments.echoable(verb))` is not a pfbot command. \(CommandCatalog.shortList)"))
        }
        return parse(definition, text)
    }

    private static func parse<Verb: CommandVerb>(_ definition: Verb.Type, _ text: String) -> Result<TaskCommand, CommandRejection> {
        definition.parse(text).map { TaskCommand($0) }
    }
}
