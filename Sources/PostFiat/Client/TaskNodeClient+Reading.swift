import PFBotCore

extension TaskNodeClient {
    /// Lists the contributor's tasks (§3.1). A signed-out answer (`sync.status:"wallet_required"`) triggers one
    /// fresh login; it never reads as "no tasks".
    /// - Throws: ``TaskNodeError/signedOut`` when still signed out after logging in.
    public func listTasks() async throws -> TaskListing {
        let request = TaskNodeHTTPRequest(method: "GET", path: "/api/tasks")
        var reply = try await withRetries { try await self.authorized(request) }
        if Self.isSignedOut(reply.json) {
            let fresh = try await login()
            reply = try await withRetries { try await self.exchange(request, cookie: fresh.cookie) }
            if reply.status == 401 || Self.isSignedOut(reply.json) { throw TaskNodeError.signedOut }
        }
        return try decoder().decodeListing(reply.json)
    }

    /// Reads one task in full (§3.3), including `currentVerificationRequest` and `rewardOutcome`.
    /// - Throws: ``TaskNodeError/taskNotFound(_:)`` and the usual transport errors.
    public func taskDetail(_ id: TaskID) async throws -> TaskDetail {
        let request = TaskNodeHTTPRequest(method: "GET", path: "/api/tasks/detail", query: [(name: "taskId", value: id.rawValue)])
        do {
            let reply = try await withRetries { try await self.authorized(request) }
            return try decoder().decodeDetail(reply.json)
        } catch TaskNodeError.taskNotFound {
            // §3.3: a dead session also answers 404; make sure it is a real "not found" before saying so.
            guard try await !isSignedIn() else { throw TaskNodeError.taskNotFound(id.rawValue) }
            let fresh = try await login()
            do {
                let reply = try await withRetries { try await self.exchange(request, cookie: fresh.cookie) }
                return try decoder().decodeDetail(reply.json)
            } catch TaskNodeError.taskNotFound {
                throw TaskNodeError.taskNotFound(id.rawValue)
            }
        }
    }

    /// Whether the Task Node still accepts the current session (`GET /api/session` → `signed_in`).
    func isSignedIn() async throws -> Bool {
        guard let current = try loadedSession() else { return false }
        let request = TaskNodeHTTPRequest(method: "GET", path: "/api/session")
        let reply = try await withRetries { try await self.exchange(request, cookie: current.cookie) }
        return reply.json["status"]?.stringValue == "signed_in"
    }

    /// The contributor's rewards per UTC day over the last 90 days (`GET /api/profile/reward-history?range=90d`, §12).
    /// - Throws: ``TaskNodeError/unexpectedShape(_:)`` when the answer holds no readable list of days.
    public func rewardHistory() async throws -> RewardHistory {
        let request = TaskNodeHTTPRequest(method: "GET", path: "/api/profile/reward-history", query: [(name: "range", value: "90d")])
        let reply = try await withRetries { try await self.authorized(request) }
        return try RewardHistory.decode(reply.json)
    }

    /// The contributor's task requests (§3.4).
    public func listRequests() async throws -> [TaskRequestItem] {
        let request = TaskNodeHTTPRequest(method: "GET", path: "/api/tasks/requests")
        var reply = try await withRetries { try await self.authorized(request) }
        if Self.isSignedOut(reply.json) {
            let fresh = try await login()
            reply = try await withRetries { try await self.exchange(request, cookie: fresh.cookie) }
            if Self.isSignedOut(reply.json) { throw TaskNodeError.signedOut }
        }
        return (reply.json["items"]?.arrayValue ?? []).compactMap(TaskDecoder.decodeRequest)
    }

    func decoder() -> TaskDecoder {
        TaskDecoder(maximumPlausibleReward: configuration.maximumPlausibleReward, now: clock.now())
    }

    static func isSignedOut(_ json: LiteralJSON) -> Bool {
        json["sync"]?["status"]?.stringValue == "wallet_required"
    }
}
