import Foundation

/// Saves a new App's credentials for `pfbot init --app`: the private key and the webhook secret in files of mode
/// 0600 under `secrets/` (a folder of mode 0700), and the `github:` entries of `pfbot.yml` pointing at them.
struct AppCredentialWriter {
    /// Where the private key goes, relative to the directory (and as `github.private_key_file` names it).
    static let privateKeyPath = "secrets/github-app.pem"
    /// Where the webhook secret goes, relative to the directory (and as `github.webhook_secret_files` names it).
    static let webhookSecretPath = "secrets/github-webhook-secret"

    /// What was written.
    struct Written: Equatable {
        /// Full paths of the secret files.
        var secretFiles: [String]
        /// The full path of `pfbot.yml` when its `github:` entries were set, nil when it does not exist.
        var configuration: String?
    }

    let directory: String
    let force: Bool

    /// Fails before the flow starts when a secret file exists and `force` is off (nothing is written then).
    /// - Throws: ``InitError/filesExist(_:)``.
    func checkNothingIsReplaced() throws(InitError) {
        let existing = [Self.privateKeyPath, Self.webhookSecretPath].map(fullPath).filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force { throw .filesExist(existing) }
    }

    /// Writes the key and the secret (0600), then sets `github.app_id`, `github.private_key_file` and
    /// `github.webhook_secret_files` in `pfbot.yml` when it exists.
    /// - Throws: ``InitError/cannotWrite(path:reason:)``.
    func write(_ app: AppManifestConversion) throws(InitError) -> Written {
        let folder = fullPath("secrets")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(path: folder, reason: error.localizedDescription)
        }
        var secrets = [try writeSecret(app.pem, to: fullPath(Self.privateKeyPath))]
        if let secret = app.webhookSecret { secrets.append(try writeSecret(secret, to: fullPath(Self.webhookSecretPath))) }
        let configurationPath = fullPath(StarterConfiguration.path)
        guard let data = FileManager.default.contents(atPath: configurationPath) else { return Written(secretFiles: secrets, configuration: nil) }
        let entries = Self.entries(appID: app.id, hasWebhookSecret: app.webhookSecret != nil)
        let updated = AppConfigurationEditor.set(entries, inSection: "github", of: String(decoding: data, as: UTF8.self))
        do {
            try Data(updated.utf8).write(to: URL(fileURLWithPath: configurationPath), options: .atomic)
        } catch {
            throw .cannotWrite(path: configurationPath, reason: error.localizedDescription)
        }
        return Written(secretFiles: secrets, configuration: configurationPath)
    }

    /// The `github:` entries for a new App, in order.
    static func entries(appID: Int, hasWebhookSecret: Bool) -> [(key: String, value: String)] {
        [("app_id", String(appID)), ("private_key_file", privateKeyPath)]
            + (hasWebhookSecret ? [("webhook_secret_files", "[\(webhookSecretPath)]")] : [])
    }

    private func fullPath(_ relative: String) -> String {
        (directory as NSString).appendingPathComponent(relative)
    }

    /// Creates (or truncates) `path` with mode 0600 from the start, so the secret is never readable by others.
    private func writeSecret(_ text: String, to path: String) throws(InitError) -> String {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            offset += written
        }
        return path
    }
}
