import ArgumentParser
import Foundation
import PFBotCore
import PFBotTestSupport
import PostFiat
import Sandbox
import Testing
import XRPL
@testable import pfbot

@Suite(.serialized) struct CommandLineTests {
    static let seed = "sEdTM1uX8pu2do5XvTnutH6HsouMaM2"

    private func stateDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pfbot-cli-\(UUID().uuidString)").path
    }

    @Test func settings_comeFromTheConfiguration_andRefuseALooseSeedFile() throws {
        let directory = stateDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/seed"
        #expect(FileManager.default.createFile(atPath: file, contents: Data("\(Self.seed)\n".utf8), attributes: [.posixPermissions: 0o600]))
        let settings = try TaskNodeSettings.resolve(urlOption: "http://127.0.0.1:9", stateDirectory: directory,
                                                    environment: ["PFBOT_WALLET_SEED_FILE": file, "PFBOT_WALLET_SEED": "ignored"],
                                                    workingDirectory: directory)
        #expect(settings.secret == .seed(Self.seed))
        #expect(settings.sessionFile.path == directory + "/tasknode-session.json")
        let fromData = try TaskNodeSettings.resolve(urlOption: nil, stateDirectory: nil,
                                                    environment: ["PFBOT_WALLET_SEED": Self.seed, "PFBOT_DATA_DIR": directory + "/data",
                                                                  "PFBOT_TASKNODE_URL": "http://127.0.0.1:7"], workingDirectory: directory)
        #expect(fromData.baseURL.absoluteString == "http://127.0.0.1:7")
        #expect(fromData.pendingFile.path == directory + "/data/tasknode-pending.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(throws: TaskNodeSettingsError.self) {
            _ = try TaskNodeSettings.resolve(urlOption: nil, stateDirectory: directory, environment: ["PFBOT_WALLET_SEED_FILE": file], workingDirectory: directory)
        }
        #expect(throws: TaskNodeSettingsError.self) {
            _ = try TaskNodeSettings.resolve(urlOption: nil, stateDirectory: nil, environment: [:], workingDirectory: directory)
        }
        #expect(throws: TaskNodeSettingsError.self) {
            _ = try TaskNodeSettings.resolve(urlOption: "ftp://x", stateDirectory: nil, environment: ["PFBOT_WALLET_SEED": Self.seed], workingDirectory: directory)
        }
    }

    @Test func evidenceArguments_readAtPathAsFileAndClassifyTheRest() throws {
        let directory = stateDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: directory + "/notes.md", contents: Data("# Notes".utf8)))
        let items = try EvidenceArguments.parse(["@\(directory)/notes.md", "https://example.org/a", "plain words"])
        #expect(items.map(\.type) == [.file, .url, .text])
        #expect(items[0].value == "# Notes")
        #expect(items[0].notes == "file: notes.md")
    }

    @Test func commands_acceptAndSubmitAgainstTheEmulatorWithARealWallet() async throws {
        setenv("PFBOT_WALLET_SEED", Self.seed, 1)
        let wallet = try Wallet(seed: Self.seed)
        let emulator = TaskNodeEmulator(checker: XRPLSignatureChecker(), clock: SettableClock(start: Date()))
        let server = try await TaskNodeEmulatorServer.start(emulator)
        do {
            let id = TaskNodeEmulator.newTaskID()
            await emulator.propose(EmulatorTask(taskID: id, wallet: wallet.address, title: "CLI task", offeredPFT: 3,
                                                updatedAt: emulator.clock.now()))
            let state = stateDirectory()
            let common = ["--tasknode-url", server.baseURL.absoluteString, "--state-dir", state]
            let login = try LoginCommand.parse(common)
            try await login.run()
            let tasks = try TasksCommand.parse(common + ["--status", "proposed"])
            try await tasks.run()
            let accept = try TaskAcceptCommand.parse(common + [id, "--reason", "from the CLI"])
            try await accept.run()
            let submit = try TaskSubmitCommand.parse(common + [id, "--evidence", "https://github.com/o/r/commit/abcdef1234567"])
            try await submit.run()
            let task = await emulator.task(id)
            #expect(task?.statusKey == "submitted")
            #expect(task?.events.last?["evidence_type"] == "url")
            #expect(task?.events.dropLast().last?["reason"] == "from the CLI")
            let mode = try FileManager.default.attributesOfItem(atPath: state + "/tasknode-session.json")[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            #expect(await emulator.recorded.filter { $0.request.path == "/api/auth/wallet/verify" }.count == 1)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func taskTable_showsIdTitleKindStatusRewardDue() throws {
        let raw: PostFiat.LiteralJSON = ["taskId": "task_0123456789abcdef0123456789abcdef", "title": "Docs", "kind": "Personal",
                                       "statusKey": "accepted", "pft": .number("12.5"), "dueAt": "2026-09-01T00:00:00.000Z"]
        let node = try TaskDecoder(now: Date(timeIntervalSince1970: 0)).decodeTask(raw)
        let table = TaskTable.render([node])
        #expect(table.contains("ID"))
        #expect(table.contains("task_0123456789abcdef0123456789abcdef  Docs   personal  accepted  12.5 PFT  2026-09-01T00:00:00.000Z"))
        #expect(TaskTable.render([]) == "No tasks.")
    }
}
