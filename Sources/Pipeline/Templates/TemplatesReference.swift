/// Renders docs/templates.md from the code: the `pack.yml` keys (``PackManifestParser/keys``), the variables
/// (``PackVariables/catalog``), the checks (``PackCheckRules/catalog``) and the built-in packs, so the page cannot
/// drift from what pfbot accepts (a test compares them; `scripts/gen-config-docs` rewrites the page).
public enum TemplatesReference {
    /// The whole page.
    /// - Returns: Markdown ending in a newline.
    /// - Throws: ``TemplateError/missingBuiltIns(_:)`` when the built-in packs cannot be read.
    public static func markdown() throws -> String {
        let library = try PackLibrary.builtIn()
        var lines = [
            "# Template packs",
            "",
            "<!-- generated from the code by scripts/gen-config-docs (`pfbot templates reference`); edit Sources/Pipeline/Templates, not this page -->",
            "",
            "When a task is accepted, pfbot's executor picks the template pack that best matches it, renders the pack's files with",
            "Mustache and commits them to the task branch `pf/<slug>` through libgit2. A pack is a folder with a `pack.yml` and its",
            "templates: pfbot's built-in packs live in `templates/<pack>/`; a repository adds packs, or replaces a built-in pack of",
            "the same name, in `.github/pfbot/templates/<pack>/` on its default branch.",
            "",
            "Every pack also renders the shared files of `templates/common/` into the task folder (`README.md`, `CHECKLIST.md`,",
            "`SUBMISSION.md`) unless it writes a file with the same destination itself.",
            "",
            "## Choosing a pack",
            "",
            "Each pack's `when:` is scored against the task: its category 10, each keyword found in the title, description or",
            "requirements 2, its evidence type 1. The highest score wins; on a tie a repository pack wins, then the first name. A",
            "task nothing matches gets the `\(PackLibrary.fallbackPack)` pack. The task's issue (its `Template pack:` line), the pull request and the task folder's `README.md` name the pack and why it was chosen.",
            "",
            "## Task text is data",
            "",
            "Variables are HTML-escaped by Mustache and never parsed as templates: a title containing `{{` renders as written.",
            "Rendered destinations must be plain relative paths outside `.github/`; a destination that renders empty is skipped,",
            "which is how a pack makes a file conditional (the code pack writes only its detected toolchain's files).",
            "",
            "## Repository packs and errors",
            "",
            "A repository pack is validated like `.github/pfbot.yml`: every problem is reported as `file:line: key: what is wrong,",
            "what to do`. An invalid repository pack is not used: pfbot comments the problems on the task's issue, logs them, and",
            "uses the built-in pack of that name (or the next best match); nothing else changes. Any push that changes",
            "`.github/pfbot/templates/` gets a **`pfbot / templates`** check run on its commit, each problem annotated on its file",
            "and line, so a broken pack is seen before it is merged. `pfbot templates list` runs the same validation on a checkout.",
            "",
            "## Steps",
            "",
            "`steps:` are commands that produce deliverables. They run only inside GitHub Actions (`pfbot action`), never on the",
            "pfbot server, within `timeout_seconds`; outputs marked `commit: true` are committed back to the task branch. In the",
            "workflow `pfbot init` writes they run in the separate `steps` job, with a read-only token and no secrets, and the",
            "`apply` job commits only the declared `produces` paths ([security](security.md#pull-requests-and-forks)).",
            "",
            "`pfbot demo` shows one: its repository builds with `make`, so the `code` pack scaffolds `src/<name>.sh` and",
            "`tests/test_<name>.sh` for the retry-helper task; the demo hands that branch's pushes to `pfbot action` (separate",
            "processes, as the workflow's runner starts them), where the pack's `test` step and the `tests` QC rule fail on the",
            "scaffold (\"not implemented yet\") and pass after the contributor's push implements the helper. Each push runs the",
            "workflow's three jobs (the event job plans, the read-only steps job runs, the apply job commits and reports).",
            "",
            "## `pfbot templates`",
            "",
            "| command | what it does |",
            "|---|---|",
            "| `pfbot templates list [--repository DIR]` | the packs, built-in or from the repository's `.github/pfbot/templates/` |",
            "| `pfbot templates show PACK` | a pack's manifest and templates |",
            "| `pfbot templates render [PACK] --task ID\\|--task-file F --output DIR` | the files the executor would commit, at their repository paths |",
            "| `pfbot templates check DIR --task ID\\|--task-file F [--pack PACK]` | the pack's checks on a folder laid out like the repository |",
            "",
            "`--task ID` reads the task from the bot's store (with `--config`); `--task-file F` takes a Task Node task object, or a",
            "task fixture with `title`, `description`, `task_kind`, `steps`, `submission_requirement` and `reward_offer` (as",
            "`Tests/Fixtures/postfiat/local_json_task_loop_task.json`). `--repository DIR` (default: the current folder) is the",
            "checkout whose packs and files (for the code pack's toolchain) are used.",
            "",
            "## `pack.yml` keys",
            "",
            "| key | type | meaning |",
            "|---|---|---|",
        ]
        lines += PackManifestParser.keys.map { "| `\($0.key)` | \($0.type) | \(cell($0.summary)) |" }
        lines += ["", "## Variables", "", "| variable | type | meaning | example |", "|---|---|---|---|"]
        lines += PackVariables.catalog.map { "| `\($0.name)` | \($0.type) | \(cell($0.summary)) | `\(cell($0.example))` |" }
        lines += ["", "## Checks a pack can add", "", "They run in the `pfbot / QC` check run as `pack:<rule>`, whatever `qc.rules` says.", "",
                  "| rule | parameters | what it checks |", "|---|---|---|"]
        lines += PackCheckRules.catalog.map { rule in
            let parameters = rule.parameters.map { "`\($0.name)`\($0.required ? "" : " (optional)"): \($0.summary)" }.joined(separator: "; ")
            return "| `\(rule.name)` | \(cell(parameters)) | \(cell(rule.summary)) |"
        }
        lines += ["", "## Built-in packs", "", "| pack | categories | keywords | files | checks | description |", "|---|---|---|---|---|---|"]
        lines += library.packs.map { pack in
            let manifest = pack.manifest
            return "| `\(manifest.name)` | \(manifest.when.categories.map(\.rawValue).joined(separator: ", ")) | \(manifest.when.keywords.joined(separator: ", ")) | "
                + "\(manifest.files.count) | \(manifest.checks.map { "`\($0.rule)`" }.joined(separator: ", ")) | \(cell(manifest.description)) |"
        }
        lines += ["", "## Example", "", "```yaml", example, "```", ""]
        return lines.joined(separator: "\n")
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// A repository pack replacing the built-in `docs` pack.
    static let example = """
        # .github/pfbot/templates/docs/pack.yml
        name: docs
        description: Our handbook page layout.
        when:
          categories: [docs]
          keywords: [handbook]
        files:
          - template: PAGE.md.mustache
            destination: "{{folder}}/PAGE.md"
        variables: [title, requirements, folder]
        checks:
          - rule: requirements-addressed
            with:
              file: PAGE.md
        """
}
