import Foundation
import JSON
import JWTKit

extension GitHubEmulatorState {
    @discardableResult
    func addUser(_ login: String, type: String = "User") -> Int {
        if let existing = users[login] { return existing.id }
        let user = EmulatedUser(login: login, id: makeID(), type: type)
        users[login] = user
        return user.id
    }

    func createRepository(owner: String, name: String, defaultBranch: String, isPrivate: Bool, initialSHA: String) {
        addUser(owner)
        guard let ownerUser = users[owner] else { return }
        let time = now()
        repositories["\(owner)/\(name)"] = EmulatedRepository(
            id: makeID(), owner: ownerUser, name: name, defaultBranch: defaultBranch, isPrivate: isPrivate, createdAt: time, pushedAt: time)
    }

    func setPermission(key: String, user: String, permission: String) {
        addUser(user)
        repositories[key]?.permissions[user] = permission
    }

    func registerToken(_ token: String, login: String) {
        addUser(login)
        userTokens[token] = login
    }

    func registerActionsToken(_ token: String) {
        users[actionsBot.login] = actionsBot
        actionsTokens.insert(token)
    }

    func markReadOnly(_ token: String) {
        readOnlyTokens.insert(token)
    }

    func registerApp(id: Int, slug: String, keys: JWTKeyCollection) {
        let bot = EmulatedUser(login: "\(slug)[bot]", id: makeID(), type: "Bot")
        users[bot.login] = bot
        apps[id] = EmulatedApp(id: id, slug: slug, keys: keys, bot: bot)
    }

    func addInstallation(_ installation: EmulatedInstallation) {
        installations[installation.id] = installation
    }

    func setFaults(_ faults: GitHubEmulatorFaults) {
        self.faults = faults
        generator = SeededGenerator(seed: faults.seed)
    }

    func inject(_ limit: InjectedRateLimit, count: Int) {
        injectedLimits += Array(repeating: limit, count: max(0, count))
    }

    func failNext(status: Int, count: Int) {
        injectedFailures += Array(repeating: status, count: max(0, count))
    }

    func setRateLimit(_ limit: Int) {
        rateLimit = limit
    }

    // MARK: - Snapshots

    func issueSnapshot(key: String, number: Int) -> JSONValue? {
        guard let repo = repositories[key], let issue = repo.issues[number] else { return nil }
        return issueJSON(issue, repo)
    }

    func pullSnapshot(key: String, number: Int) -> JSONValue? {
        guard let repo = repositories[key], let pull = repo.pulls[number] else { return nil }
        return pullJSON(pull, repo)
    }

    func checkRunSnapshots(key: String) -> [(run: JSONValue, annotations: [JSONValue], batches: [Int])] {
        guard let repo = repositories[key] else { return [] }
        return repo.checkRuns.values.sorted { $0.id < $1.id }.map {
            (checkRunJSON($0, repo, identity: .installation(id: 0, bot: actionsBot)), $0.annotations, $0.annotationRequests)
        }
    }

    func statusSnapshots(key: String) -> [JSONValue] {
        guard let repo = repositories[key] else { return [] }
        return repo.statuses.map { payloads.status($0, repo: repo) }
    }
}
