import Foundation
import GitHub
import PFBotConfig
import PFBotCore

/// The repository's own `.github/pfbot.yml`, read from its default branch and applied over the operator's
/// `repository:` defaults: command permissions, `require_approval`, assignees and the QC rules and limits.
///
/// The file is read once and kept until a push to the default branch changes it (``refresh(_:)``); the read is
/// conditional (ETag), so an unchanged file costs a `304`. A file that does not validate never weakens anything
/// silently: the last good file stays in force (kept in the store's settings, so a restart keeps it too), and the
/// problems are logged, audited and shown on the `pfbot / config` check of the push that brought them.
public actor RepositorySettingsSource {
    /// Where the file lives in the repository.
    public static let path = ".github/pfbot.yml"
    /// The store setting that keeps the last file that validated.
    static let lastGoodSetting = "repository_config.last_good"

    private var current: RepositorySettings?
    private var stale = true

    /// Creates an empty source; the first use reads the file.
    public init() {}

    /// The settings in force.
    func settings(_ context: PipelineContext) async throws -> RepositorySettings {
        if let current, !stale { return current }
        return try await reload(context)
    }

    /// Reads the file again now (a push changed it on the default branch), so the version in force, and the last good
    /// one kept, follow every change.
    func refresh(_ context: PipelineContext) async throws {
        stale = true
        _ = try await reload(context)
    }

    /// Parses a file's text over the operator's defaults, with `config validate`'s messages (key path and line).
    public static func parse(_ text: String, defaults: RepositorySettings) -> Result<RepositorySettings, ConfigurationError> {
        do {
            return .success(try RepositoryConfigParser.parse(yaml: text, defaults: defaults))
        } catch {
            return .failure(error)
        }
    }

    private func reload(_ context: PipelineContext) async throws -> RepositorySettings {
        let defaults = context.configuration.repository
        let file: RepositoryFile?
        do {
            file = try await context.github.repositoryFile(context.repository, path: Self.path, ref: try await context.defaultBranch())
        } catch GitHubError.decoding(_, _, let detail) {
            // GitHub answered with something that is no readable file (a folder, a file over 1 MB): a broken file.
            return try await keepLastGood(context, defaults: defaults, because: "it is not a file pfbot can read (\(detail))")
        } catch {
            // GitHub did not answer: keep what is in force (or the last good file kept in the store); the next use tries again.
            let kept = try await lastGood(context, defaults: defaults)
            context.logger.warning("cannot read \(Self.path) from GitHub (\(error)); \(kept.origin) stays in force until it can be read")
            current = kept.settings
            return kept.settings
        }
        stale = false
        guard let file else {
            current = defaults
            return defaults
        }
        let text = String(decoding: file.content, as: UTF8.self)
        switch Self.parse(text, defaults: defaults) {
        case .success(let settings):
            current = settings
            if try await context.store.setting(Self.lastGoodSetting) != text {
                try await context.store.setSetting(Self.lastGoodSetting, value: text, now: context.now())
            }
            return settings
        case .failure(let error):
            return try await keepLastGood(context, defaults: defaults, because: "it is not valid:\n\(error)")
        }
    }

    /// The file on the default branch cannot be used: the last good settings stay in force, and the log and the audit
    /// log say why.
    private func keepLastGood(_ context: PipelineContext, defaults: RepositorySettings, because reason: String) async throws -> RepositorySettings {
        stale = false
        let kept = try await lastGood(context, defaults: defaults)
        current = kept.settings
        context.logger.error("\(Self.path) on the default branch cannot be used, \(reason); \(kept.origin) stays in force until it is fixed")
        try await context.audit("github", "repository-config.invalid", Self.path, reason)
        return kept.settings
    }

    /// What stays in force when the file is broken: the settings in force, else the last good file kept in the store,
    /// else the operator's defaults.
    private func lastGood(_ context: PipelineContext, defaults: RepositorySettings) async throws -> (settings: RepositorySettings, origin: String) {
        if let current { return (current, "the last good file") }
        if let text = try await context.store.setting(Self.lastGoodSetting), case .success(let settings) = Self.parse(text, defaults: defaults) {
            return (settings, "the last good file")
        }
        return (defaults, "the repository: defaults of pfbot.yml")
    }
}
