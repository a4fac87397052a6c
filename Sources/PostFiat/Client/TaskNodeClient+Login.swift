import Foundation

extension TaskNodeClient {
    /// Logs in with the wallet (§2.1): start → sign the six-line challenge verbatim → verify; stores the session.
    ///
    /// Concurrent callers share one login in flight instead of each burning a challenge.
    /// - Returns: the new session.
    /// - Throws: ``TaskNodeError/loginFailed(code:message:)``, ``TaskNodeError/walletNotAllowed(address:)``, or transport errors.
    @discardableResult
    public func login() async throws -> TaskNodeSession {
        if let running = loginInFlight { return try await running.value }
        let running = Task { try await self.performLogin() }
        loginInFlight = running
        defer { loginInFlight = nil }
        return try await running.value
    }

    private func performLogin() async throws -> TaskNodeSession {
        let address = signer.address
        let publicKey = signer.publicKeyHex
        let start = try post("/api/auth/wallet/start", ["address": .string(address), "publicKey": .string(publicKey)],
                             allowed: BodyContract.walletStartKeys)
        let started = try await withRetries { try await self.loginExchange(start) }
        guard let challengeID = started.json["challenge"]?["id"]?.stringValue,
              let message = started.json["challenge"]?["message"]?.stringValue
        else { throw TaskNodeError.unexpectedShape("wallet/start returned no challenge id and message") }
        try Self.checkChallenge(message, address: address, challengeID: challengeID)
        let signature = try signer.signatureHex(for: message)
        let verify = try post("/api/auth/wallet/verify", [
            "challengeId": .string(challengeID), "address": .string(address), "publicKey": .string(publicKey),
            "signature": .string(signature),
        ], allowed: BodyContract.walletVerifyKeys)
        // A challenge is burnt on lookup, so a failed verify is never retried with the same challenge.
        let verified = try await loginExchange(verify)
        let session = try makeSession(from: verified, address: address)
        self.session = session
        sessionLoaded = true
        try sessionStore.save(session)
        return session
    }

    /// Ends the session on the Task Node and forgets it locally.
    public func logout() async throws {
        let current = try loadedSession()
        if let current {
            let request = try post("/api/auth/logout", [:], allowed: [])
            _ = try await exchange(request, cookie: current.cookie)
        }
        session = nil
        try sessionStore.clear()
    }

    /// The session to use now: the stored one unless missing or near expiry, else a fresh login.
    func currentSession() async throws -> TaskNodeSession {
        if let current = try loadedSession(), !current.needsRenewal(at: clock.now()), current.address == signer.address {
            return current
        }
        return try await login()
    }

    func loadedSession() throws -> TaskNodeSession? {
        if !sessionLoaded {
            session = try sessionStore.load()
            sessionLoaded = true
        }
        return session
    }

    private func loginExchange(_ request: TaskNodeHTTPRequest) async throws -> TaskNodeReply {
        let reply: TaskNodeReply
        do {
            reply = try await exchange(request, cookie: nil)
        } catch TaskNodeError.rejected(let status, let code, let message) {
            if code == "wallet_login_not_allowed" { throw TaskNodeError.walletNotAllowed(address: signer.address) }
            if status == 400 || status == 401 || status == 403 { throw TaskNodeError.loginFailed(code: code, message: message) }
            throw TaskNodeError.rejected(status: status, code: code, message: message)
        }
        guard reply.status != 401 else {
            throw TaskNodeError.loginFailed(code: reply.code ?? "wallet_signature_invalid", message: reply.json["message"]?.stringValue)
        }
        return reply
    }

    /// Refuses to sign anything but a wallet-login challenge for this address and challenge id.
    static func checkChallenge(_ message: String, address: String, challengeID: String) throws {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == 6, lines[0] == "Post Fiat Task Node wallet login", lines[1] == "Purpose: wallet_login",
              lines[2] == "Address: \(address)", lines[3] == "Challenge: \(challengeID)",
              lines[4].hasPrefix("Issued: "), lines[5].hasPrefix("Expires: ")
        else {
            throw TaskNodeError.loginFailed(code: "challenge_unexpected",
                                            message: "the login challenge is not the six-line wallet login message for this wallet; pfbot did not sign it")
        }
    }

    private func makeSession(from reply: TaskNodeReply, address: String) throws -> TaskNodeSession {
        let cookies = reply.response.headerValues("set-cookie").compactMap(Self.sessionCookie)
        guard let cookie = cookies.first ?? reply.json["session"]?["id"]?.stringValue, !cookie.isEmpty else {
            throw TaskNodeError.loginFailed(code: "session_missing", message: "wallet/verify set no tasknode_session cookie")
        }
        let expiresAt = reply.json["session"]?["expiresAt"]?.stringValue.flatMap(ISOTimestamp.date(from:))
        let account = reply.json["accountId"]?.stringValue ?? reply.json["session"]?["accountId"]?.stringValue ?? ""
        return TaskNodeSession(cookie: cookie, accountID: account, address: address, expiresAt: expiresAt)
    }

    /// The value of a `tasknode_session=` Set-Cookie header.
    static func sessionCookie(_ header: String) -> String? {
        guard let first = header.split(separator: ";").first else { return nil }
        let pair = first.trimmingCharacters(in: .whitespaces)
        guard pair.hasPrefix("tasknode_session=") else { return nil }
        return String(pair.dropFirst("tasknode_session=".count))
    }
}
