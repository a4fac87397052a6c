import Foundation

/// What a soak runs: how many tasks, how often `pfbot serve` is killed, for how long at most, and the seed of the
/// emulators' faults (`PFBotBench soak`, `scripts/soak`).
public struct SoakOptions: Sendable {
    /// Tasks driven through the whole lifecycle.
    public var tasks = 200
    /// Seconds between SIGKILLs of `pfbot serve` (each followed by a restart).
    public var killEvery: Double = 20
    /// Seconds after which the soak stops and counts every unfinished task as lost.
    public var timeLimit: Double = 1200
    /// Seed of the GitHub and Task Node emulators' faults.
    public var seed: UInt64 = 1
    /// Tasks in flight at once.
    public var concurrency = 40
    /// Seconds between forced expiries of every Task Node session.
    public var sessionExpiryEvery: Double = 150
    /// The `pfbot` binary run as `pfbot serve`.
    public var pfbot: String
    /// Keeps the soak's folder (logs, store, repositories) instead of removing it.
    public var keep = false

    /// The defaults of `scripts/soak`, with the `pfbot` binary at `pfbot`.
    public init(pfbot: String) {
        self.pfbot = pfbot
    }

    /// The usage line of `PFBotBench soak`.
    public static let usage = "usage: PFBotBench soak --pfbot PATH [--tasks N] [--kill-every SECONDS] [--time-limit SECONDS] [--seed N] "
        + "[--concurrency N] [--session-expiry-every SECONDS] [--keep]"

    /// Reads `--pfbot`, `--tasks`, `--kill-every`, `--time-limit`, `--seed`, `--concurrency`, `--session-expiry-every` and `--keep`.
    /// - Throws: ``SoakError/usage(_:)`` for an unknown option or a value out of range.
    public static func parse(_ arguments: [String]) throws -> SoakOptions {
        var options = SoakOptions(pfbot: "")
        var iterator = arguments.makeIterator()
        func number(_ flag: String, _ range: ClosedRange<Double>) throws -> Double {
            guard let value = iterator.next().flatMap(Double.init), range.contains(value) else {
                throw SoakError.usage("\(flag) needs a number in \(Int(range.lowerBound))…\(Int(range.upperBound)); \(usage)")
            }
            return value
        }
        while let flag = iterator.next() {
            switch flag {
            case "--pfbot": options.pfbot = iterator.next() ?? ""
            case "--tasks": options.tasks = Int(try number(flag, 1...10_000))
            case "--kill-every": options.killEvery = try number(flag, 1...86_400)
            case "--time-limit": options.timeLimit = try number(flag, 10...86_400)
            case "--seed": options.seed = UInt64(try number(flag, 0...4_294_967_295))
            case "--concurrency": options.concurrency = Int(try number(flag, 1...100))
            case "--session-expiry-every": options.sessionExpiryEvery = try number(flag, 1...86_400)
            case "--keep": options.keep = true
            default: throw SoakError.usage("unknown option \(flag); \(usage)")
            }
        }
        guard FileManager.default.isExecutableFile(atPath: options.pfbot) else {
            throw SoakError.usage("--pfbot must name the pfbot binary; \(usage)")
        }
        return options
    }
}
