import Crypto
import Foundation
import PostFiat

extension TaskNodeEmulator {
    static func isClassicAddress(_ text: String) -> Bool {
        let alphabet = Set("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz")
        return text.hasPrefix("r") && (25...35).contains(text.count) && text.allSatisfy(alphabet.contains)
    }

    /// `POST /api/auth/wallet/start` (`auth-wallet-login.js`, `repositories/auth-challenges.js`).
    func walletStart(_ body: LiteralJSON) -> EmulatorResponse {
        let action = "auth_wallet_start"
        guard let address = body["address"]?.stringValue, Self.isClassicAddress(address) else {
            return handlerError(400, action: action, code: "wallet_address_invalid", message: "Enter a valid XRPL classic address.")
        }
        let verdict = sharedLimiter.hit("auth_wallet_start_address:127.0.0.1:\(address)", limit: 5, windowSeconds: 600, now: clock.now())
        if !verdict.allowed, let policy = RoutePolicy.find("/api/auth/wallet/start") { return rateLimited(policy: policy, verdict: verdict) }
        let now = clock.now()
        challenges.removeAll { $0.expiresAt <= now }
        let id = UUID().uuidString.lowercased()
        let ttl = min(600, max(1, options.challengeTTLSeconds))
        let expiresAt = now.addingTimeInterval(ttl)
        let message = [
            "Post Fiat Task Node wallet login", "Purpose: wallet_login", "Address: \(address)", "Challenge: \(id)",
            "Issued: \(ISOTimestamp.string(from: now))", "Expires: \(ISOTimestamp.string(from: expiresAt))",
        ].joined(separator: "\n")
        challenges.append(Challenge(id: id, address: address, message: message, expiresAt: expiresAt))
        if challenges.count > options.maximumChallenges { challenges.removeFirst(challenges.count - options.maximumChallenges) }
        return json(200, [
            "ok": true,
            "challenge": ["id": .string(id), "message": .string(message), "expiresAt": .string(ISOTimestamp.string(from: expiresAt))],
            "verifyPath": "/api/auth/wallet/verify",
        ])
    }

    /// `POST /api/auth/wallet/verify`: address, allowlist, challenge consumed at lookup, key ↔ address and signature.
    func walletVerify(_ body: LiteralJSON) -> EmulatorResponse {
        let action = "auth_wallet_verify"
        guard let address = body["address"]?.stringValue, Self.isClassicAddress(address) else {
            return handlerError(400, action: action, code: "wallet_address_invalid", message: "Enter a valid XRPL classic address.")
        }
        let verdict = sharedLimiter.hit("auth_wallet_verify_address:127.0.0.1:\(address)", limit: 10, windowSeconds: 600, now: clock.now())
        if !verdict.allowed, let policy = RoutePolicy.find("/api/auth/wallet/verify") { return rateLimited(policy: policy, verdict: verdict) }
        if let allowlist = options.walletAllowlist, !allowlist.contains(address) {
            return handlerError(403, action: action, code: "wallet_login_not_allowed", message: "This wallet is not allowed to log in.")
        }
        let challengeID = body["challengeId"]?.stringValue ?? body["challenge_id"]?.stringValue ?? ""
        let position = challenges.firstIndex { $0.id == challengeID }
        let challenge = position.map { challenges.remove(at: $0) }
        guard let challenge, challenge.expiresAt > clock.now(), challenge.address == address else {
            return handlerError(400, action: action, code: "invalid_or_expired_challenge",
                                message: "Wallet login challenge is invalid or expired.")
        }
        let publicKey = body["publicKey"]?.stringValue ?? body["public_key"]?.stringValue ?? ""
        let signature = Self.hexBytes(body["signature"]?.stringValue ?? "")
        guard checker.address(forPublicKeyHex: publicKey) == address, let signature,
              checker.verify(message: Array(challenge.message.utf8), signature: signature, publicKeyHex: publicKey)
        else {
            return handlerError(401, action: action, code: "wallet_signature_invalid", message: "Wallet signature did not verify.")
        }
        let now = clock.now()
        let accountID = "acct_wallet_" + String(SHA256.hash(data: Data(address.utf8)).map { String(format: "%02x", $0) }.joined().prefix(24))
        let session = Session(id: UUID().uuidString.lowercased() + Self.randomHex(16), accountID: accountID, address: address,
                              createdAt: now, expiresAt: now.addingTimeInterval(options.sessionMaxAgeSeconds))
        sessions[session.id] = session
        return json(200, [
            "ok": true, "accountId": .string(accountID), "address": .string(address),
            "session": [
                "id": .string(session.id), "accountId": .string(accountID), "primaryProvider": "wallet", "assurance": "high",
                "createdAt": .string(ISOTimestamp.string(from: now)),
                "expiresAt": .string(ISOTimestamp.string(from: session.expiresAt)),
            ],
        ], headers: [("Set-Cookie", "tasknode_session=\(session.id); HttpOnly; SameSite=Lax; Path=/; Max-Age=\(Int(options.sessionMaxAgeSeconds))")])
    }

    /// `POST /api/auth/logout`.
    func logout(_ request: EmulatorRequest) -> EmulatorResponse {
        if let cookie = request.sessionCookie { sessions.removeValue(forKey: cookie) }
        return json(200, ["ok": true, "action": "auth_logout"],
                    headers: [("Set-Cookie", "tasknode_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0")])
    }

    /// `GET /api/session`.
    func sessionState(_ session: Session?) -> EmulatorResponse {
        guard let session else {
            return json(200, ["status": "signed_out", "accountId": .null, "expiresAt": .null, "primaryProvider": .null,
                              "walletLink": ["status": "not_linked", "address": .null]])
        }
        return json(200, [
            "status": "signed_in", "accountId": .string(session.accountID),
            "expiresAt": .string(ISOTimestamp.string(from: session.expiresAt)), "primaryProvider": "wallet",
            "walletLink": ["status": "linked", "address": .string(session.address)],
        ])
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 2 == 0, !characters.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = hexValue(characters[index]), let low = hexValue(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
