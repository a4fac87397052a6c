import Foundation
import PFBotTestSupport
import Pipeline
import Testing

/// ``StepRunner`` with real processes.
@Suite struct StepRunnerTests {
    @Test func reportsTheExitStatus_andOutput_inTheGivenDirectory() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-steprunner")
        _ = try directory.write("marker.txt", "here")
        let runner = StepRunner(environment: ["PATH": "/usr/bin:/bin"])
        let ok = try await runner.run("cat marker.txt; echo; echo to-stderr >&2", in: URL(fileURLWithPath: directory.path), timeout: .seconds(20))
        #expect(ok.status == .exited(0))
        #expect(ok.succeeded)
        #expect(ok.tail.contains("here"))
        #expect(ok.tail.contains("to-stderr"))
        let failed = try await runner.run("echo broken; exit 3", in: URL(fileURLWithPath: directory.path), timeout: .seconds(20))
        #expect(failed.status == .exited(3))
        #expect(failed.statusText == "exit 3")
        #expect(failed.lastLines(1) == ["broken"])
    }

    @Test func aTimeout_killsTheWholeProcessGroup_includingGrandchildren() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-steprunner")
        let pidFile = directory.file("grandchild.pid")
        let runner = StepRunner(environment: ["PATH": "/usr/bin:/bin"], killGrace: .milliseconds(500))
        let started = ContinuousClock.now
        // The grandchild ignores SIGTERM, so only the group's SIGKILL ends it.
        let outcome = try await runner.run("sh -c 'trap \"\" TERM; echo $$ > \(pidFile); sleep 60' & wait", in: URL(fileURLWithPath: directory.path),
                                           timeout: .seconds(1))
        #expect(outcome.status == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(20))
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        try await Task.sleep(for: .milliseconds(200))
        // Gone, or a zombie waiting for a reaper that is not the runner's business.
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?.split(separator: " ").first
        #expect(kill(pid, 0) != 0 || state == "Z", "the grandchild \(pid) still runs (state \(state.map(String.init) ?? "?"))")
    }

    @Test func keepsOnlyABoundedTail() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-steprunner")
        let runner = StepRunner(environment: ["PATH": "/usr/bin:/bin"], tailBytes: 1000)
        let outcome = try await runner.run("i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done", in: URL(fileURLWithPath: directory.path),
                                           timeout: .seconds(30))
        #expect(outcome.succeeded)
        #expect(outcome.outputBytes > 10_000)
        #expect(outcome.tail.utf8.count < 1100)
        #expect(outcome.tail.contains("line-1999"))
        #expect(!outcome.tail.contains("line-10\n"))
        #expect(outcome.tail.hasPrefix("… "))
    }

    @Test func secretsAreNotPassedToTheCommand() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-steprunner")
        let runner = StepRunner(environment: ["PATH": "/usr/bin:/bin", "GITHUB_TOKEN": "ghs_secret", "PFBOT_WALLET_SEED": "sEdSecret", "KEPT": "yes"])
        let outcome = try await runner.run("env", in: URL(fileURLWithPath: directory.path), timeout: .seconds(20))
        #expect(outcome.tail.contains("KEPT=yes"))
        #expect(!outcome.tail.contains("ghs_secret"))
        #expect(!outcome.tail.contains("sEdSecret"))
    }

    @Test func aBackgroundProcessLeftBehind_doesNotHoldTheRunOpen() async throws {
        let directory = try TemporaryDirectory(prefix: "pfbot-steprunner")
        // A run held open by the background process's copy of the output pipe would end at the timeout, as timed out.
        let outcome = try await StepRunner(environment: ["PATH": "/usr/bin:/bin"]).run("sleep 120 & echo done", in: URL(fileURLWithPath: directory.path),
                                                                                      timeout: .seconds(30))
        #expect(outcome.status == .exited(0))
    }
}
