import Foundation

/// The GitHub Actions workflow a repository copies to run pfbot without a server. `pfbot init` writes it, and
/// pfbot's own `.github/workflows/pfbot.yml` is this text (a test keeps the two equal).
///
/// Safe by construction: event text reaches the jobs only through `env:` and inputs (never inside a `run:` line),
/// no job checks out a pull request's head, and the job with the write token and the wallet runs no repository
/// code: template-pack steps and the `tests` rule run in the `steps` job, with a read-only token and no secrets,
/// and the `apply` job takes only the declared outputs from its results (docs/security.md, "Threat model").
enum ActionsWorkflow {
    /// Where the file goes, relative to the directory given to `pfbot init`.
    static let path = ".github/workflows/pfbot.yml"

    /// The action the workflow runs unless `pfbot init --action` names another (`action.yml` at the root of the
    /// pfbot repository). For production pin a release's commit: `--action postfiat/pfbot@<40-hex SHA>`; the action
    /// then downloads that release's binary instead of building.
    static let actionReference = "postfiat/pfbot@main"

    /// `actions/checkout` pinned to the commit of its v7.0.1 tag (node24 runtime).
    static let checkoutReference = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"

    /// `actions/upload-artifact` pinned to the commit of its v7.0.0 tag (node24 runtime).
    static let uploadArtifactReference = "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0"

    /// `actions/download-artifact` pinned to the commit of its v8.0.1 tag (node24 runtime).
    static let downloadArtifactReference = "actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1"

    /// Whether `reference` has the `OWNER/REPO@REF` (or `OWNER/REPO/PATH@REF`) form `uses:` takes, with nothing that
    /// could break out of the YAML line.
    static func isValidReference(_ reference: String) -> Bool {
        let parts = reference.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[0].split(separator: "/").count >= 2 else { return false }
        return reference.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./@".unicodeScalars.contains($0) }
            && reference.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// The permissions and the concurrency group of the two jobs that write (`pfbot` and `apply`), indented as
    /// their keys.
    static let writingJob = """
        permissions:
          contents: write
          issues: write
          pull-requests: write
          checks: write
          statuses: write
        concurrency:
          group: pfbot-${{ github.repository }}
          cancel-in-progress: false
          queue: max
    """

    /// The workflow's text, running the default action.
    static var text: String { text(action: actionReference) }

    /// The workflow's text, running `action` (checked with ``isValidReference(_:)`` by the caller).
    static func text(action actionReference: String) -> String {
        """
    # pfbot in GitHub Actions: one run per event, plus a scheduled sync with the Post Fiat Task Node.
    # Set the repository secret PFBOT_WALLET_SEED (Settings > Secrets and variables > Actions).
    # Security: event text reaches the jobs only through env: and inputs, nothing here checks out a pull request's
    # head, and the job holding the write token and the wallet runs no repository code. Template-pack steps and the
    # tests QC rule (code from the task branch) run in the `steps` job with a read-only token and no secrets; the
    # `apply` job commits only the outputs the pack declares and completes the checks. Pull requests from forks get no
    # secrets. Third-party actions are pinned to commit SHAs (the tag in the comment). Pin pfbot itself to a release's
    # commit for production (`pfbot init --action postfiat/pfbot@<commit>`): the action then downloads that
    # release's binary and checks its SHA-256 instead of building pfbot from source.
    name: pfbot

    on:
      # Only comments that start with /pf run the job (the `if:` below).
      issue_comment: # zizmor: ignore[dangerous-triggers] nothing here checks out or runs code from the comment or a pull request
        types: [created]
      pull_request:
        types: [opened, synchronize, reopened, closed, ready_for_review]
      pull_request_review:
        types: [submitted, dismissed]
      # Pushes to task branches, and pushes to any branch that change .github/pfbot.yml or .github/pfbot/templates/
      # (the "pfbot / config" and "pfbot / templates" checks; other pushes are skipped by the `if:` below before a runner starts).
      push:
        branches: ["**"]
      # Re-run on the "pfbot / QC" check runs QC again (Actions starts check_suite runs only when a suite completes;
      # `pfbot serve` also handles "Re-run all checks").
      check_run:
        types: [rerequested]
      schedule:
        - cron: "*/15 * * * *"
      workflow_dispatch:

    permissions: {}

    jobs:
      # Handles the event with the write token and the wallet. Runs no repository code: it plans the steps and tests
      # for the `steps` job (its output `plan`) and leaves their checks in progress.
      pfbot:
        if: >-
          (github.event_name != 'issue_comment' || startsWith(github.event.comment.body, '/pf'))
          && (github.event_name != 'push' || startsWith(github.ref, 'refs/heads/pf/') || contains(toJSON(github.event.commits), '.github/pfbot'))
        runs-on: ubuntu-latest
        timeout-minutes: 30
        # One queue per repository: every run (an event or the scheduled sync) first reconciles every task from the
        # Task Node and GitHub, so any run may change any task, and a task's issue, pull request and pf/ branch
        # have different numbers and refs. Runs wait for each other in order; none is cancelled or dropped.
    \(writingJob)
        outputs:
          plan: ${{ steps.pfbot.outputs.plan }}
        steps:
          # The default branch only (for a config file named by `config:`), never a pull request's head.
          - uses: \(checkoutReference)
            with:
              ref: ${{ github.event.repository.default_branch }}
              persist-credentials: false
          - id: pfbot
            uses: \(actionReference)
            with:
              mode: plan
              github-token: ${{ secrets.GITHUB_TOKEN }}
              wallet-seed: ${{ secrets.PFBOT_WALLET_SEED }}

      # Runs the planned steps and tests on the task branch's commits: code anyone who can push to the branch wrote.
      # A read-only token and no secrets; its results are an artifact the `apply` job checks before using.
      steps:
        needs: pfbot
        if: needs.pfbot.outputs.plan != ''
        runs-on: ubuntu-latest
        timeout-minutes: 60
        permissions:
          contents: read
        steps:
          - uses: \(actionReference)
            with:
              mode: run-steps
              plan: ${{ needs.pfbot.outputs.plan }}
              results: ${{ runner.temp }}/pfbot-results
          - uses: \(uploadArtifactReference)
            with:
              name: pfbot-steps-${{ github.run_id }}-${{ github.run_attempt }}
              path: ${{ runner.temp }}/pfbot-results
              if-no-files-found: ignore
              include-hidden-files: true
              retention-days: 1

      # Commits the steps' declared outputs and completes the checks the `pfbot` job left in progress; runs also when
      # the `steps` job failed or was cancelled, so no check is left running (a missing result fails it).
      apply:
        needs: [pfbot, steps]
        if: always() && needs.pfbot.outputs.plan != ''
        runs-on: ubuntu-latest
        timeout-minutes: 30
    \(writingJob)
        steps:
          - uses: \(checkoutReference)
            with:
              ref: ${{ github.event.repository.default_branch }}
              persist-credentials: false
          - uses: \(downloadArtifactReference)
            continue-on-error: true
            with:
              name: pfbot-steps-${{ github.run_id }}-${{ github.run_attempt }}
              path: ${{ runner.temp }}/pfbot-results
          - uses: \(actionReference)
            with:
              mode: apply-steps
              plan: ${{ needs.pfbot.outputs.plan }}
              results: ${{ runner.temp }}/pfbot-results
              github-token: ${{ secrets.GITHUB_TOKEN }}
              wallet-seed: ${{ secrets.PFBOT_WALLET_SEED }}

    """
    }
}
