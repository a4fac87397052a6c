import CLibGit2

/// The state libgit2's transfer callbacks share with the operation that started the transfer.
///
/// Reached from C through `payload` as an unretained pointer; the transfer keeps it alive with
/// `withExtendedLifetime`. Lives on the transfer's thread only. The token is never logged or put in an error.
final class TransferSession {
    private let token: String?
    /// How many times libgit2 asked for credentials.
    private(set) var credentialRequests = 0
    /// Refs the remote declined during a push.
    private(set) var rejections: [RefRejection] = []

    init(token: String?) { self.token = token }

    /// Fills `callbacks` with the credential and push-status callbacks, pointing them at `self`.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, _, _, allowedTypes, payload in
            guard let out, let payload else { return GIT_EUSER.rawValue }
            return Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue().credential(out, allowedTypes: allowedTypes)
        }
        callbacks.push_update_reference = { refName, status, payload in
            guard let status, let refName, let payload else { return 0 }
            let session = Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
            session.rejections.append(RefRejection(ref: String(cString: refName), reason: String(cString: status)))
            return 0
        }
    }

    /// Answers a credential request once with `x-access-token:<token>`; a second request means the first was
    /// refused, so it fails with `GIT_EAUTH` instead of letting libgit2 ask forever.
    private func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, allowedTypes: UInt32) -> Int32 {
        credentialRequests += 1
        guard let token, credentialRequests == 1 else {
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), token == nil ? "the remote asked for credentials and no token was given" : "the remote refused the token")
            return GIT_EAUTH.rawValue
        }
        guard allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 else {
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "the remote does not accept a user name and token")
            return GIT_EAUTH.rawValue
        }
        return git_credential_userpass_plaintext_new(out, "x-access-token", token)
    }
}
