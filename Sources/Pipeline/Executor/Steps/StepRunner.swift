import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a repository's command (a pack step, the test command) with `/bin/sh -c` in a directory: in a process group
/// of its own, killed as a group when it runs past its time limit, with only the tail of its output kept and without
/// pfbot's secrets in its environment. Only `pfbot action` runs commands (inside a GitHub Actions runner); the
/// server never does.
public struct StepRunner: Sendable {
    /// The default number of output bytes kept (64 KiB).
    public static let defaultTailBytes = 65_536

    /// The environment the command's environment is made from (before ``childEnvironment(_:)`` removes secrets).
    public var environment: [String: String]
    /// The most output bytes kept.
    public var tailBytes: Int
    /// How long the group has between SIGTERM and SIGKILL after a timeout.
    public var killGrace: Duration

    /// Creates a runner.
    /// - Parameters:
    ///   - environment: the variables passed on to commands, secrets removed.
    ///   - tailBytes: the most output bytes kept.
    ///   - killGrace: the time between SIGTERM and SIGKILL after a timeout.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, tailBytes: Int = StepRunner.defaultTailBytes,
                killGrace: Duration = .seconds(2)) {
        self.environment = environment
        self.tailBytes = max(1, tailBytes)
        self.killGrace = killGrace
    }

    /// Variables never passed to a command: tokens a workflow or pfbot holds. Every `PFBOT_` variable is removed too.
    public static let secretVariables: Set<String> = [
        "GITHUB_TOKEN", "GH_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_URL", "INPUT_GITHUB-TOKEN",
        "INPUT_WALLET-SEED",
    ]

    /// `environment` without secrets: the variables in ``secretVariables`` and every `PFBOT_` variable.
    public static func childEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { !secretVariables.contains($0.key.uppercased()) && !$0.key.uppercased().hasPrefix("PFBOT_") }
    }

    /// Runs `command` in `directory` and waits for it (on a thread of its own, so the caller's executor is not blocked).
    /// - Parameters:
    ///   - command: the shell command.
    ///   - directory: the working directory.
    ///   - timeout: the time limit; past it the command's process group gets SIGTERM, then SIGKILL.
    /// - Throws: ``StepRunnerError`` when the process cannot be started.
    /// - Returns: how it ended and the tail of its output.
    public func run(_ command: String, in directory: URL, timeout: Duration) async throws -> StepOutcome {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<StepOutcome, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(command, in: directory, timeout: timeout) })
            }
        }
    }

    private func runBlocking(_ command: String, in directory: URL, timeout: Duration) throws -> StepOutcome {
        let started = ContinuousClock.now
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw StepRunnerError.spawn("pipe: \(String(cString: strerror(errno)))") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Other commands started meanwhile must not inherit the pipe (it would stay open after this one ends).
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }
        let pid: pid_t
        do {
            defer { close(writeEnd) }
            pid = try spawn(command, in: directory, output: writeEnd)
        }
        var tail = OutputTail(limit: tailBytes)
        let deadline = started + timeout
        var exitStatus: Int32?
        var timedOut = false
        var killedAt: ContinuousClock.Instant?
        var exitedAt: ContinuousClock.Instant?
        var open = true
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            if open {
                var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 50) > 0 {
                    let count = read(readEnd, &buffer, buffer.count)
                    if count > 0 { tail.append(buffer[0..<count]) } else if count == 0 || errno != EINTR { open = false }
                }
            } else {
                usleep(20_000)
            }
            if exitStatus == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    exitStatus = status
                    exitedAt = .now
                    // Background processes the command left behind would hold the output open: end the group.
                    kill(-pid, SIGKILL)
                }
            }
            let now = ContinuousClock.now
            if exitStatus == nil, !timedOut, now >= deadline {
                timedOut = true
                killedAt = now
                kill(-pid, SIGTERM)
            }
            if exitStatus == nil, let killedAt, now >= killedAt + killGrace {
                kill(-pid, SIGKILL)
            }
            if let exitedAt, !open || now >= exitedAt + .seconds(2) { break }
        }
        let raw = exitStatus ?? 0
        let status: StepOutcome.Status = if timedOut { .timedOut } else if raw & 0x7f == 0 { .exited((raw >> 8) & 0xff) } else { .signalled(raw & 0x7f) }
        return StepOutcome(status: status, tail: tail.text, outputBytes: tail.total, duration: ContinuousClock.now - started)
    }

    /// Starts `/bin/sh` in a new process group, its standard output and error on `output`.
    private func spawn(_ command: String, in directory: URL, output: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // `$1` is the directory and `$2` the command, so neither is ever parsed as part of the script.
        let arguments = ["/bin/sh", "-c", "cd -- \"$1\" || exit 126; exec /bin/sh -c \"$2\"", "pfbot-step", directory.path, command]
        let variables = Self.childEnvironment(environment).map { "\($0.key)=\($0.value)" }.sorted()
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, &envp)
        guard result == 0 else { throw StepRunnerError.spawn("/bin/sh: \(String(cString: strerror(result)))") }
        return pid
    }
}

/// The last bytes of a command's output.
struct OutputTail {
    let limit: Int
    private var bytes: [UInt8] = []
    private(set) var total = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        total += chunk.count
        bytes.append(contentsOf: chunk)
        if bytes.count > 2 * limit { bytes.removeFirst(bytes.count - limit) }
    }

    /// The kept bytes as text (invalid UTF-8 replaced), with a first line saying how much was dropped.
    var text: String {
        let kept = bytes.suffix(limit)
        let body = String(decoding: kept, as: UTF8.self)
        return total > kept.count ? "… \(total - kept.count) earlier bytes not kept\n" + body : body
    }
}

/// Why a command could not be started.
public enum StepRunnerError: Error, CustomStringConvertible {
    /// The shell could not be started.
    case spawn(String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .spawn(let reason): return "could not start the command's shell (\(reason)); check that /bin/sh exists and the runner can start processes."
        }
    }
}
