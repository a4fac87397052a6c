import PFBotCore
import Pipeline
import Testing

@Suite struct CommandInterpreterTests {
    @Test func validArguments_becomeTypedCommands() throws {
        #expect(try CommandInterpreter.interpret(verb: "accept", argumentText: "").get() == .accept(reason: nil))
        #expect(try CommandInterpreter.interpret(verb: "ACCEPT", argumentText: " looks good ").get() == .accept(reason: "looks good"))
        #expect(try CommandInterpreter.interpret(verb: "refuse", argumentText: "no time").get() == .refuse(reason: "no time"))
        #expect(try CommandInterpreter.interpret(verb: "priority", argumentText: "-5").get() == .priority(try ManualPriority(-5)))
        #expect(try CommandInterpreter.interpret(verb: "estimate", argumentText: "2.5h").get().verb == "estimate")
        #expect(try CommandInterpreter.interpret(verb: "verify", argumentText: "It is at https://x.org").get() == .verify(answer: "It is at https://x.org"))
    }

    @Test(arguments: [
        ("refuse", "", "give a reason"), ("verify", "  ", "give your answer"), ("priority", "high", "whole number"),
        ("priority", "500", "whole number"), ("estimate", "-1", "positive number"), ("estimate", "soon", "positive number"),
        ("start", "now please", "takes no arguments"), ("deploy", "", "not a pfbot command"), ("request", "", "describe the task"),
    ])
    func badArguments_getAHelpfulReply(verb: String, text: String, expected: String) {
        guard case .failure(let rejection) = CommandInterpreter.interpret(verb: verb, argumentText: text) else {
            Issue.record("\(verb) \(text) was accepted")
            return
        }
        #expect(rejection.message.contains(expected), "\(rejection.message)")
    }

    @Test func oversizedAndHostileText_isBoundedAndCleaned() throws {
        guard case .failure = CommandInterpreter.interpret(verb: "verify", argumentText: String(repeating: "a", count: 9000)) else {
            Issue.record("9000 characters were accepted")
            return
        }
        #expect(try CommandInterpreter.interpret(verb: "refuse", argumentText: "bad\u{202E}\u{0}text").get() == .refuse(reason: "badtext"))
    }

    @Test func stateGuardsAndHelp_coverEveryVerb() {
        #expect(TaskCommand.accept(reason: nil).allowedStates == [.proposed])
        #expect(TaskCommand.verify(answer: "x").allowedStates == [.verificationRequested])
        #expect(TaskCommand.status.isMutating == false)
        #expect(TaskCommand.submit.isMutating)
        let settings = RepositorySettings(commandPermissions: ["status": .read], requireApproval: false,
                                          qc: QualityRules(enabledRules: [], maxFileBytes: 1, maxTotalBytes: 1), assignees: [])
        let help = CommandCatalog.help(permissions: settings)
        for verb in ["help", "status", "accept", "refuse", "cancel", "start", "qc", "submit", "verify", "priority", "estimate", "request"] {
            #expect(help.contains("/pf \(verb)"))
        }
        #expect(help.contains("| `/pf status` | the task's state, queue position, QC and submission status | read or higher |"))
    }
}
