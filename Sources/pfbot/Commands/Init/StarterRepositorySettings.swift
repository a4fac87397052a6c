import PFBotConfig
import Pipeline

/// The repository's own `.github/pfbot.yml` that `pfbot init` writes: the per-repository settings, commented.
enum StarterRepositorySettings {
    /// Where the file goes, relative to the directory given to `pfbot init`.
    static let path = ".github/pfbot.yml"

    /// The file's text.
    static let text = """
    # yaml-language-server: $schema=\(ConfigJSONSchema.publishedURL)
    # .github/pfbot.yml: this repository's pfbot settings, read from the default branch. Keys left out keep the
    # values of the `repository:` section of the bot's pfbot.yml. Reference: docs/configuration.md.

    # Submit a merged task pull request to Post Fiat only after an approving review of its head commit.
    require_approval: false

    # GitHub logins mentioned on this repository's task issues.
    assignees: []

    qc:
      # Quality-control rules run as the "pfbot / QC" check on every push to a task branch (docs/qc-rules.md).
      rules: [deliverables, checklist, placeholders, markdown, links, size, evidence]
      # Largest single file on a task branch, and largest total of the files it changes, in bytes.
      max_file_bytes: 1048576
      max_total_bytes: 10485760

    \(CommandCatalog.permissionsYAML(indent: 0))

    """
}
