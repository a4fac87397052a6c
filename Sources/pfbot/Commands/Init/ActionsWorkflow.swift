import Foundation

/// The GitHub Actions workflow a repository copies to run pfbot without a server. `pfbot init` writes it, and
/// pfbot's own `.github/workflows/pfbot.yml` is this text (a test keeps the two equal).
///
/// Safe by construction: event text reaches the job only through `env:` (never inside a `run:` line), the job
/// never checks out a pull request's head, and `pfbot action` only reads the event file; pull requests from forks
/// get no secrets from GitHub.
enum ActionsWorkflow {
    /// Where the file goes, relative to the directory given to `pfbot init`.
    static let path = ".github/workflows/pfbot.yml"

    /// The action the workflow runs unless `pfbot init --action` names another (`action.yml` at the root of the
    /// pfbot repository; pin a tag or a commit for production).
    static let actionReference = "postfiat/pfbot@main"

    /// Whether `reference` has the `OWNER/REPO@REF` (or `OWNER/REPO/PATH@REF`) form `uses:` takes, with nothing that
    /// could break out of the YAML line.
    static func isValidReference(_ reference: String) -> Bool {
        let parts = reference.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[0].split(separator: "/").count >= 2 else { return false }
        return reference.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./@".unicodeScalars.contains($0) }
            && reference.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// The workflow's text, running the default action.
    static var text: String { text(action: actionReference) }

    /// The workflow's text, running `action` (checked with ``isValidReference(_:)`` by the caller).
    static func text(action actionReference: String) -> String {
        """
    # pfbot in GitHub Actions: one run per event, plus a scheduled sync with the Post Fiat Task Node.
    # Set the repository secret PFBOT_WALLET_SEED (Settings > Secrets and variables > Actions).
    # Security: event text reaches the job only through env:, nothing here checks out a pull request's head,
    # and `pfbot action` reads the event file instead of running code. Pull requests from forks get no secrets.
    name: pfbot

    on:
      issue_comment:
        types: [created]
      pull_request:
        types: [opened, synchronize, reopened, closed, ready_for_review]
      pull_request_review:
        types: [submitted, dismissed]
      push:
        branches: ["pf/**"]
      schedule:
        - cron: "*/15 * * * *"
      workflow_dispatch:

    permissions:
      contents: write
      issues: write
      pull-requests: write
      checks: write
      statuses: write

    concurrency:
      group: pfbot-${{ github.event.issue.number || github.event.pull_request.number || github.ref }}
      cancel-in-progress: false

    jobs:
      pfbot:
        runs-on: ubuntu-latest
        container: swift:6.2-bookworm
        timeout-minutes: 30
        steps:
          # The default branch only (for a config file named by `config:`), never a pull request's head.
          - uses: actions/checkout@v4
            with:
              ref: ${{ github.event.repository.default_branch }}
              persist-credentials: false
          - uses: \(actionReference)
            with:
              github-token: ${{ secrets.GITHUB_TOKEN }}
              wallet-seed: ${{ secrets.PFBOT_WALLET_SEED }}

    """
    }
}
