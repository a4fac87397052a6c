import _CryptoExtras
import Foundation
import JSON
import JWTKit

extension GitHubEmulatorState {
    /// How long a manifest code stays exchangeable (GitHub: one hour).
    static let manifestCodeLifetime: TimeInterval = 3_600

    /// The routes that take no token: the web form that receives a posted manifest (as a browser posts it) and the
    /// code conversion. Nil for every other request.
    func routeUnauthenticated(_ request: GitHubEmulatorRequest) async -> GitHubEmulatorResponse? {
        let segments = request.segments
        switch (request.method, segments.count) {
        case ("POST", 3) where segments == ["settings", "apps", "new"]:
            return receiveManifest(request, organization: nil)
        case ("POST", 5) where segments[0] == "organizations" && Array(segments[2...]) == ["settings", "apps", "new"]:
            return receiveManifest(request, organization: segments[1])
        case ("POST", 3) where segments[0] == "app-manifests" && segments[2] == "conversions":
            return await convertManifest(code: segments[1])
        default:
            return nil
        }
    }

    /// Keeps a posted manifest for the "Create GitHub App" click, and answers with the registration page.
    private func receiveManifest(_ request: GitHubEmulatorRequest, organization: String?) -> GitHubEmulatorResponse {
        let fields = Self.formFields(request.body)
        guard let text = fields["manifest"], let manifest = JSONValue.decode(Data(text.utf8))?.objectValue else {
            return .html(422, "Invalid GitHub App configuration: the form has no JSON object in its manifest field.")
        }
        guard manifest["url"]?.stringValue?.isEmpty == false else {
            return .html(422, "Invalid GitHub App configuration: url is required.")
        }
        if let hook = manifest["hook_attributes"], hook["url"]?.stringValue?.isEmpty != false {
            return .html(422, "Invalid GitHub App configuration: hook_attributes.url is required.")
        }
        if let organization, users[organization] == nil {
            return .html(404, "No organization \(organization).")
        }
        pendingRegistrations.append(PendingAppRegistration(manifest: manifest, state: request.query["state"], organization: organization))
        let name = manifest["name"]?.stringValue ?? ""
        return .html(200, "Register new GitHub App \(name): press Create GitHub App.")
    }

    /// Plays the "Create GitHub App" click on the newest posted manifest: issues a code and returns the URL the
    /// browser is sent to (`redirect_url?code=…&state=…`).
    func issueManifestCode(as login: String) -> Result<String, GitHubEmulatorError> {
        guard let registration = pendingRegistrations.popLast() else {
            return .failure(.notFound("manifest posted to /settings/apps/new"))
        }
        guard let redirect = registration.manifest["redirect_url"]?.stringValue, var components = URLComponents(string: redirect) else {
            return .failure(.rejected(status: 422, message: "the manifest has no redirect_url to send the code to"))
        }
        addUser(login)
        guard let owner = users[registration.organization ?? login] else { return .failure(.notFound("account \(login)")) }
        let code = Self.randomHex(bytes: 20)
        manifestCodes[code] = IssuedManifestCode(registration: registration, owner: owner, issuedAt: now())
        var items = components.queryItems ?? []
        items.append(URLQueryItem(name: "code", value: code))
        if let state = registration.state { items.append(URLQueryItem(name: "state", value: state)) }
        components.queryItems = items
        return components.string.map { .success($0) } ?? .failure(.rejected(status: 422, message: "redirect_url \(redirect) is not a URL"))
    }

    /// `POST /app-manifests/{code}/conversions`: registers the App (with a new key pair, its bot user and a
    /// webhook secret) and answers with its credentials, once.
    private func convertManifest(code: String) async -> GitHubEmulatorResponse {
        guard let issued = manifestCodes.removeValue(forKey: code), now().timeIntervalSince(issued.issuedAt) < Self.manifestCodeLifetime else {
            return .notFound()
        }
        let manifest = issued.registration.manifest
        let privateKey: _RSA.Signing.PrivateKey
        let keys = JWTKeyCollection()
        do {
            privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            await keys.add(rsa: try JWTKit.Insecure.RSA.PublicKey(pem: privateKey.publicKey.pemRepresentation), digestAlgorithm: .sha256)
        } catch {
            return .error(500, "Could not generate the App's key: \(error)")
        }
        let id = makeID()
        let name = manifest["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "app-\(id)"
        let slug = Self.slug(name, taken: Set(apps.values.map(\.slug)))
        registerApp(id: id, slug: slug, keys: keys)
        let webhookSecret: JSONValue = manifest["hook_attributes"] == nil ? .null : .string(Self.randomHex(bytes: 20))
        var app = payloads.app(id: id, slug: slug, name: name, owner: issued.owner).objectValue ?? [:]
        app["description"] = manifest["description"] ?? .null
        app["external_url"] = manifest["url"] ?? .null
        app["permissions"] = manifest["default_permissions"] ?? [:]
        app["events"] = manifest["default_events"] ?? []
        app["created_at"] = EmulatorPayloads.date(now())
        app["updated_at"] = EmulatorPayloads.date(now())
        app["client_id"] = .string("Iv1.\(Self.randomHex(bytes: 8))")
        app["client_secret"] = .string(Self.randomHex(bytes: 20))
        app["webhook_secret"] = webhookSecret
        app["pem"] = .string(privateKey.pemRepresentation)
        return .json(201, .object(app))
    }

    /// GitHub's slug of an App name: lower case, runs of other characters as one `-`, made unique.
    static func slug(_ name: String, taken: Set<String>) -> String {
        let words = name.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let base = words.isEmpty ? "app" : words.joined(separator: "-")
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    private static func randomHex(bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// The fields of an `application/x-www-form-urlencoded` body (`+` is a space).
    static func formFields(_ body: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
            guard let name = parts.first?.removingPercentEncoding else { continue }
            fields[name] = parts.count > 1 ? parts[1].removingPercentEncoding ?? "" : ""
        }
        return fields
    }
}
