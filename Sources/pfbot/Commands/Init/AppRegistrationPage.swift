import Foundation

/// The pages of the one-shot loopback server of `pfbot init --app`: the form that posts the manifest to GitHub, and
/// the answers to GitHub's redirect.
enum AppRegistrationPage {
    /// The form: pressing its button posts `manifest` to GitHub's "register a GitHub App" page (`action`), which
    /// carries the `state` pfbot checks on the way back.
    static func form(action: String, manifestJSON: String, organization: String?) -> String {
        let owner = organization.map { "the organization \(escape($0))" } ?? "your account"
        return page(title: "Create the pfbot GitHub App", body: """
            <p>Pressing the button sends pfbot's App manifest to GitHub, which asks you to confirm the App's name and \
            registers it for \(owner). GitHub then sends you back here, and pfbot saves the App's key and webhook \
            secret in files only you can read.</p>
            <form action="\(escape(action))" method="post">
            <input type="hidden" name="manifest" value="\(escape(manifestJSON))">
            <button type="submit">Create GitHub App on GitHub</button>
            </form>
            <details><summary>The manifest</summary><pre>\(escape(manifestJSON))</pre></details>
            """)
    }

    /// The page after the credentials were saved: the next step is installing the App.
    static func created(name: String, installURL: String) -> String {
        page(title: "GitHub App \(name) created", body: """
            <p>pfbot saved the App's id, private key and webhook secret. You can close this page; the terminal shows the \
            next steps.</p>
            <p>Next: <a href="\(escape(installURL))">install the App on your repository</a>.</p>
            """)
    }

    /// An error page saying what went wrong and what to do.
    static func failed(_ message: String) -> String {
        page(title: "pfbot could not finish the GitHub App", body: "<p>\(escape(message))</p>")
    }

    /// `text` safe inside HTML text and double-quoted attributes.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
        <body><h1>\(escape(title))</h1>
        \(body)
        </body></html>
        """
    }
}
