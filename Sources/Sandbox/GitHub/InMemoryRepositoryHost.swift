import Crypto
import Foundation

/// A repository host that keeps only branch heads in memory, with deterministic fake commit SHAs.
public actor InMemoryRepositoryHost: RepositoryHost {
    private var branches: [String: [String: String]] = [:]
    private var counter = 0

    /// Creates an empty host.
    public init() {}

    /// Creates the repository with one initial commit on the default branch.
    public func createRepository(owner: String, name: String, defaultBranch: String) async throws -> String {
        let sha = nextSHA("initial \(owner)/\(name)")
        branches["\(owner)/\(name)", default: [:]][defaultBranch] = sha
        return sha
    }

    /// The head of a branch.
    public func branchSHA(owner: String, name: String, branch: String) async throws -> String? {
        guard let repo = branches["\(owner)/\(name)"] else { throw RepositoryHostError.repositoryNotFound("\(owner)/\(name)") }
        return repo[branch]
    }

    /// Moves the branch to a new fake commit.
    public func commit(owner: String, name: String, branch: String, from: String?, message: String) async throws -> String {
        let key = "\(owner)/\(name)"
        guard let repo = branches[key] else { throw RepositoryHostError.repositoryNotFound(key) }
        if repo[branch] == nil, let from, repo[from] == nil { throw RepositoryHostError.branchNotFound(from) }
        let sha = nextSHA("\(key) \(branch) \(message)")
        branches[key]?[branch] = sha
        return sha
    }

    /// Fake commits hold no files.
    public func file(owner: String, name: String, ref: String, path: String) async throws -> HostedFile? { nil }

    /// Fake commits change no files.
    public func changes(owner: String, name: String, from: String?, to: String) async throws -> HostedChanges { HostedChanges() }

    /// Moves `base` to a new fake merge commit.
    public func merge(owner: String, name: String, head: String, base: String, message: String) async throws -> String {
        let key = "\(owner)/\(name)"
        guard let repo = branches[key] else { throw RepositoryHostError.repositoryNotFound(key) }
        guard repo[head] != nil else { throw RepositoryHostError.branchNotFound(head) }
        guard repo[base] != nil else { throw RepositoryHostError.branchNotFound(base) }
        let sha = nextSHA("\(key) merge \(head) into \(base)")
        branches[key]?[base] = sha
        return sha
    }

    private func nextSHA(_ seed: String) -> String {
        counter += 1
        return Insecure.SHA1.hash(data: Data("\(counter) \(seed)".utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
