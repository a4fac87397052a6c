import Foundation
import GitHub
import Testing

@Suite struct PFCommandParserTests {
    let parser = PFCommandParser()

    @Test func parsesAVerbAndItsArguments() {
        #expect(parser.parse("/pf estimate 6 hours") == [.command(PFCommand(verb: "estimate", arguments: ["6", "hours"], argumentText: "6 hours", line: 1))])
    }

    @Test func verbsAreCaseInsensitive() {
        #expect(parser.commands(in: "/PF Accept").map(\.verb) == ["accept"])
        #expect(parser.commands(in: "/Pf STATUS").map(\.verb) == ["status"])
    }

    @Test func findsSeveralCommandsInOneComment() {
        let body = "Thanks!\n/pf accept\nsome words\n/pf priority high\n"
        let commands = parser.commands(in: body)
        #expect(commands.map(\.verb) == ["accept", "priority"])
        #expect(commands.map(\.line) == [2, 4])
        #expect(commands[1].arguments == ["high"])
    }

    @Test func anyWordAfterSlashPf_isACommandLine_forThePipelineToJudge() {
        for word in ["accept", "qc", "launch"] {
            #expect(parser.commands(in: "/pf \(word)").map(\.verb) == [word])
        }
    }

    @Test func commandsMustStartALine() {
        #expect(parser.parse("please run /pf accept").isEmpty)
        #expect(parser.commands(in: "   /pf accept").map(\.verb) == ["accept"])
    }

    @Test func ignoresQuotedLines() {
        #expect(parser.parse("> /pf accept\n>/pf cancel").isEmpty)
    }

    @Test func ignoresTheLazyContinuationLinesOfAQuote() {
        #expect(parser.parse("> someone wrote\n/pf accept\nstill quoted\n/pf cancel").isEmpty)
        #expect(parser.commands(in: "> someone wrote\n\n/pf status").map(\.verb) == ["status"])
        #expect(parser.commands(in: ">\n/pf status").map(\.verb) == ["status"], "an empty quote line opens no paragraph to continue")
    }

    @Test func ignoresQuotesInsideListItems() {
        #expect(parser.parse("- > /pf accept\n1. > quoted\n/pf cancel").isEmpty)
    }

    @Test func ignoresHTMLComments() {
        #expect(parser.parse("<!-- /pf accept -->").isEmpty)
        #expect(parser.parse("<!--\n/pf accept\n\n/pf cancel\n-->").isEmpty)
        #expect(parser.parse("hidden <!-- start\n/pf accept\nend -->").isEmpty)
        #expect(parser.commands(in: "<!-- note -->\n/pf status").map(\.verb) == ["status"])
        #expect(parser.commands(in: "<!--\n/pf accept\n-->\n/pf status").map(\.verb) == ["status"])
        #expect(parser.commands(in: "<!-- a --> <!-- b\n/pf accept\n--> <!-- c -->\n/pf status").map(\.verb) == ["status"])
    }

    @Test func ignoresFencedCodeBlocks() {
        let body = "```\n/pf accept\n```\n~~~~\n/pf cancel\n~~~~\n/pf status"
        #expect(parser.commands(in: body).map(\.verb) == ["status"])
    }

    @Test func anUnclosedFenceHidesTheRest() {
        #expect(parser.parse("```swift\n/pf accept").isEmpty)
    }

    @Test func ignoresIndentedCode() {
        #expect(parser.parse("    /pf accept\n\t/pf cancel").isEmpty)
    }

    @Test func unknownWordIsReported_asWritten_lowerCased() {
        #expect(parser.parse("/pf LAUNCH rockets") == [.command(PFCommand(verb: "launch", arguments: ["rockets"], argumentText: "rockets", line: 1))])
    }

    @Test func bareSlashPfIsAMissingVerb() {
        #expect(parser.parse("/pf   ") == [.missingVerb(line: 1)])
    }

    @Test func wordsThatMerelyStartWithPfAreNotCommands() {
        #expect(parser.parse("/pfx accept\n/pfaccept").isEmpty)
    }

    @Test func quotedArgumentsStayTogether() {
        let command = parser.commands(in: #"/pf verify "the hash is abc" now"#).first
        #expect(command?.arguments == ["the hash is abc", "now"])
        #expect(command?.argumentText == #""the hash is abc" now"#)
    }

    @Test func windowsLineEndingsWork() {
        #expect(parser.commands(in: "hi\r\n/pf qc\r\n").map(\.verb) == ["qc"])
    }

    @Test func commentsByBotsAreIgnored() {
        let byType = IssueComment(id: 1, body: "/pf accept", user: GitHubUser(login: "helper", id: 2, type: "Bot"))
        let byLogin = IssueComment(id: 2, body: "/pf accept", user: GitHubUser(login: "pfbot[bot]", id: 3, type: "User"))
        let byHuman = IssueComment(id: 3, body: "/pf accept", user: GitHubUser(login: "alice", id: 4, type: "User"))
        #expect(parser.parse(byType).isEmpty)
        #expect(parser.parse(byLogin).isEmpty)
        #expect(parser.parse(byHuman).count == 1)
    }
}
