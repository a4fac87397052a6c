import Foundation
import PFBotCore
import PostFiat
import Sandbox
import Testing

@Suite struct ClientErrorTests {
    @Test func acceptOnAcceptedTaskAsCancelStillWorks_butRefuseAfterAcceptIsNotAvailable() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.accept(id, reason: "ok")
            await #expect(throws: TaskNodeError.notAvailable(code: "task_action_not_available", status: "accepted",
                                                           actions: ["canCancel", "canStop", "canSubmitInitialEvidence"])) {
                _ = try await harness.client.refuse(id, reason: "changed my mind")
            }
            #expect(try await harness.client.cancel(id, reason: "no time").status == "cancelled")
        }
    }

    @Test func submitWhileProposed_isTaskSubmissionNotAvailable() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            await #expect(throws: TaskNodeError.notAvailable(code: "task_submission_not_available", status: "proposed",
                                                           actions: ["canAccept", "canRefuse", "canStop"])) {
                _ = try await harness.client.submit(id, evidence: [try Evidence.classify("https://example.org")])
            }
        }
    }

    @Test func initialSubmitOnVerificationRequestedTask_isRefusedBeforeSending() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            _ = try await harness.client.accept(id, reason: "ok")
            _ = try await harness.client.submit(id, evidence: [try Evidence.classify("https://example.org")])
            try await harness.emulator.requestVerification(taskID: id.rawValue, ask: "Again?")
            await #expect(throws: TaskNodeError.unexpectedSubmissionMode(expected: "initial_submission", actual: "verification_response")) {
                _ = try await harness.client.submit(id, evidence: [try Evidence.classify("https://example.org")])
            }
        }
    }

    @Test func unknownTask_isTaskNotFound() async throws {
        try await EmulatorHarness.with { harness in
            let id = try TaskID("task_00000000000000000000000000000000")
            await #expect(throws: TaskNodeError.taskNotFound(id.rawValue)) { _ = try await harness.client.taskDetail(id) }
            await #expect(throws: TaskNodeError.taskNotFound(id.rawValue)) { _ = try await harness.client.accept(id, reason: "x") }
        }
    }

    @Test func anotherWalletsTask_isTaskNotFound() async throws {
        try await EmulatorHarness.with { harness in
            let other = HMACTestSigner(secret: "mallory")
            let id = TaskNodeEmulator.newTaskID()
            await harness.emulator.propose(EmulatorTask(taskID: id, wallet: other.address, title: "Not yours", offeredPFT: 5,
                                                        updatedAt: harness.emulator.clock.now()))
            await #expect(throws: TaskNodeError.taskNotFound(id)) { _ = try await harness.client.accept(try TaskID(id), reason: "x") }
        }
    }

    @Test func dualWriteMode_stopsWithAClearErrorAndWritesNothing() async throws {
        var options = TaskNodeEmulatorOptions()
        options.lifecycleDualWrite = true
        try await EmulatorHarness.with(options: options) { harness in
            let id = try TaskID(await harness.propose())
            await #expect(throws: TaskNodeError.unsupportedLifecycleMode(enabled: true, dualWrite: true)) {
                _ = try await harness.client.accept(id, reason: "ok")
            }
            #expect(await harness.emulator.task(id.rawValue)?.statusKey == "proposed")
            let phases = await harness.requests(to: "/api/tasks/action").compactMap { try? LiteralJSON.parse($0.request.body)["phase"] }
            #expect(phases == ["config"])
        }
    }

    @Test func emptyEvidence_isRefusedLocally() async throws {
        #expect(throws: TaskNodeError.self) { _ = try Evidence(type: .text, value: "   ") }
        try await EmulatorHarness.with { harness in
            let id = try TaskID(await harness.propose())
            await #expect(throws: TaskNodeError.self) { _ = try await harness.client.submit(id, evidence: []) }
        }
    }

    @Test func allowlistWithoutTheWallet_isWalletNotAllowed() async throws {
        var options = TaskNodeEmulatorOptions()
        options.walletAllowlist = []
        try await EmulatorHarness.with(options: options) { harness in
            await #expect(throws: TaskNodeError.walletNotAllowed(address: harness.signer.address)) { try await harness.client.login() }
        }
    }

    @Test func wrongKeyForAddress_isLoginFailedWithSignatureInvalid() async throws {
        struct Impostor: TransitionSigner {
            let inner = HMACTestSigner(secret: "eve")
            let address = HMACTestSigner(secret: "alice").address
            var publicKeyHex: String { inner.publicKeyHex }
            func sign(message: [UInt8]) throws -> [UInt8] { try inner.sign(message: message) }
        }
        try await EmulatorHarness.with(signer: Impostor()) { harness in
            await #expect(throws: TaskNodeError.loginFailed(code: "wallet_signature_invalid", message: "Wallet signature did not verify.")) {
                try await harness.client.login()
            }
        }
    }
}
