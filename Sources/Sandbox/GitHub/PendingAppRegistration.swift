import Foundation
import JSON

/// A manifest posted to the emulator's "Register new GitHub App" page (`POST /settings/apps/new`), waiting for the
/// user's "Create GitHub App" click (``GitHubEmulator/createAppFromPostedManifest(as:)``).
struct PendingAppRegistration: Sendable {
    /// The manifest, as the form's `manifest` field carried it.
    var manifest: [String: JSONValue]
    /// The `state` query parameter of the form's action, echoed back on the redirect.
    var state: String?
    /// The organization the App is registered for, nil for the user's own account.
    var organization: String?
}

/// A temporary code GitHub hands to the manifest's `redirect_url`, exchanged once, within an hour, for the App's
/// credentials (`POST /app-manifests/{code}/conversions`).
struct IssuedManifestCode: Sendable {
    var registration: PendingAppRegistration
    /// The account that owns the new App (the organization, or the user who clicked).
    var owner: EmulatedUser
    var issuedAt: Date
}
