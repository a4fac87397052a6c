import Foundation
import JSON

extension GitHubEmulatorState {
    /// Runs a repository call as `login`, skipping authentication and permission checks (test drivers).
    func act(as login: String, key: String, method: String, rest: [String], body: JSONValue) async -> GitHubEmulatorResponse {
        let user = users[login] ?? EmulatedUser(login: login, id: addUser(login), type: login.hasSuffix("[bot]") ? "Bot" : "User")
        guard repositories[key] != nil else { return .notFound() }
        let call = RepoCall(key: key, rest: rest, query: [:], body: body, actor: user, identity: .user(user))
        return await dispatch(method, call)
    }

    /// Records a review and sends `pull_request_review` `submitted`.
    func submitReview(as login: String, key: String, number: Int, state reviewState: String, body: String) async -> Int? {
        addUser(login)
        guard let user = users[login], var repo = repositories[key], var pull = repo.pulls[number] else { return nil }
        let review = EmulatedReview(id: makeID(), author: user, body: body, state: reviewState.uppercased(), commitID: pull.headSHA, submittedAt: now())
        pull.reviews.append(review)
        repo.pulls[number] = pull
        repositories[key] = repo
        let fields: [String: JSONValue] = [
            "action": "submitted", "review": payloads.review(review, pull: pull, repo: repo, webhookCase: true), "pull_request": pullJSON(pull, repo),
        ]
        await emit("pull_request_review", fields, repo: repo, sender: user)
        return review.id
    }

    /// Records a branch move: sends `push`, and `pull_request` `synchronize` for open pull requests from that branch.
    func notePush(as login: String, key: String, branch: String, before: String?, after: String, message: String) async {
        addUser(login)
        guard let user = users[login], var repo = repositories[key] else { return }
        repo.pushedAt = now()
        repo.commits[after] = EmulatedCommit(sha: after, message: message, author: user, at: now())
        let zero = String(repeating: "0", count: 40)
        var synchronized: [EmulatedPull] = []
        for (number, pull) in repo.pulls where pull.head == branch && repo.issues[number]?.state == "open" {
            var moved = pull
            moved.headSHA = after
            repo.pulls[number] = moved
            repo.issues[number]?.updatedAt = now()
            synchronized.append(moved)
        }
        repositories[key] = repo
        await emitPush(repo: repo, branch: branch, before: before ?? zero, after: after, message: message, pusher: user)
        for pull in synchronized.sorted(by: { $0.number < $1.number }) {
            let fields: [String: JSONValue] = [
                "action": "synchronize", "number": .int(pull.number), "pull_request": pullJSON(pull, repo),
                "before": .string(before ?? zero), "after": .string(after),
            ]
            await emit("pull_request", fields, repo: repo, sender: user)
        }
    }

    func setFiles(key: String, number: Int, files: [EmulatedFile]) -> Bool {
        guard repositories[key]?.pulls[number] != nil else { return false }
        repositories[key]?.pulls[number]?.files = files
        return true
    }

    /// Marks a draft ready and sends `pull_request` `ready_for_review`.
    func markReady(as login: String, key: String, number: Int) async -> Bool {
        addUser(login)
        guard let user = users[login], var repo = repositories[key], var pull = repo.pulls[number] else { return false }
        pull.draft = false
        repo.pulls[number] = pull
        repositories[key] = repo
        await emit("pull_request", ["action": "ready_for_review", "number": .int(number), "pull_request": pullJSON(pull, repo)], repo: repo, sender: user)
        return true
    }

    /// Sends `check_run` `rerequested` for a run, as GitHub does when someone presses "Re-run" on it.
    func rerequestCheckRun(as login: String, key: String, id: Int) async -> Bool {
        addUser(login)
        guard let user = users[login], let repo = repositories[key], let run = repo.checkRuns[id] else { return false }
        let json = checkRunJSON(run, repo, identity: .installation(id: 0, bot: actionsBot))
        await emit("check_run", ["action": "rerequested", "check_run": json], repo: repo, sender: user)
        return true
    }

    /// Sends `check_suite` `rerequested`, as GitHub does when someone presses "Re-run all checks". The emulator keeps
    /// one suite per check run, with the run's id (as its `check_run` payloads say).
    func rerequestCheckSuite(as login: String, key: String, id: Int) async -> Bool {
        addUser(login)
        guard let user = users[login], let repo = repositories[key], let run = repo.checkRuns[id] else { return false }
        let runJSON = checkRunJSON(run, repo, identity: .installation(id: 0, bot: actionsBot))
        let branch = repo.pulls.values.filter { $0.headSHA == run.headSHA }.min { $0.number < $1.number }?.head
        let suite = payloads.checkSuite(run, runJSON: runJSON, headBranch: branch, commit: repo.commits[run.headSHA], repo: repo)
        await emit("check_suite", ["action": "rerequested", "check_suite": suite], repo: repo, sender: user)
        return true
    }
}
