import AsyncHTTPClient
import Foundation
import GitHub
import JWTKit
import Testing

/// The emulator checks App JWTs the way GitHub does.
@Suite struct EmulatorAppAuthTests {
    struct FractionalClaims: JWTPayload {
        var iat: Double
        var exp: Double
        var iss: String
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    struct IntegerClaims: JWTPayload {
        var iat: Int
        var exp: Int
        var iss: String
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func mint(_ harness: EmulatorHarness, jwt: String) async throws -> (Int, [String: Any]) {
        var request = HTTPClientRequestBuilder.get("\(harness.baseURL)/app/installations/\(EmulatorHarness.installationID)/access_tokens")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(jwt)")
        return try await HTTPClientRequestBuilder.send(request)
    }

    static func keys() async throws -> JWTKeyCollection {
        let keys = JWTKeyCollection()
        await keys.add(rsa: try JWTKit.Insecure.RSA.PrivateKey(pem: try TestKeys.shared().privatePEM), digestAlgorithm: .sha256)
        return keys
    }

    @Test func aWellFormedJWTMintsAToken() async throws {
        let harness = try await EmulatorHarness.start()
        _ = try await harness.appClient()
        let now = Int(harness.clock.now().timeIntervalSince1970)
        let jwt = try await Self.keys().sign(IntegerClaims(iat: now - 60, exp: now + 540, iss: String(EmulatorHarness.appID)))
        let (status, body) = try await Self.mint(harness, jwt: jwt)
        #expect(status == 201)
        #expect((body["token"] as? String)?.hasPrefix("ghs_") == true)
        await harness.stop()
    }

    @Test func anExpiryMoreThanTenMinutesAheadIsRefused() async throws {
        let harness = try await EmulatorHarness.start()
        _ = try await harness.appClient()
        let now = Int(harness.clock.now().timeIntervalSince1970)
        let jwt = try await Self.keys().sign(IntegerClaims(iat: now - 60, exp: now + 3_600, iss: String(EmulatorHarness.appID)))
        #expect(try await Self.mint(harness, jwt: jwt).0 == 401)
        await harness.stop()
    }

    @Test func anExpiredJWTIsRefused() async throws {
        let harness = try await EmulatorHarness.start()
        _ = try await harness.appClient()
        let now = Int(harness.clock.now().timeIntervalSince1970)
        let jwt = try await Self.keys().sign(IntegerClaims(iat: now - 700, exp: now - 100, iss: String(EmulatorHarness.appID)))
        #expect(try await Self.mint(harness, jwt: jwt).0 == 401)
        await harness.stop()
    }

    @Test func fractionalClaimsAreRefused() async throws {
        let harness = try await EmulatorHarness.start()
        _ = try await harness.appClient()
        let now = harness.clock.now().timeIntervalSince1970 + 0.5
        let jwt = try await Self.keys().sign(FractionalClaims(iat: now - 60, exp: now + 540, iss: String(EmulatorHarness.appID)))
        let (status, body) = try await Self.mint(harness, jwt: jwt)
        #expect(status == 401)
        #expect((body["message"] as? String)?.contains("Integer") == true)
        await harness.stop()
    }

    @Test func anInstallationTokenCannotCallAppEndpoints() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        let token = try await client.createInstallationToken(installationID: EmulatorHarness.installationID)
        #expect(try await Self.mint(harness, jwt: token.token).0 == 401)
        await harness.stop()
    }

    @Test func anExpiredInstallationTokenIsRefused() async throws {
        let harness = try await EmulatorHarness.start()
        let client = try await harness.appClient()
        let token = try await client.createInstallationToken(installationID: EmulatorHarness.installationID)
        harness.clock.advance(3_601)
        var request = HTTPClientRequestBuilder.get("\(harness.baseURL)/repos/acme/widgets")
        request.headers.add(name: "Authorization", value: "token \(token.token)")
        #expect(try await HTTPClientRequestBuilder.send(request).0 == 401)
        await harness.stop()
    }
}
