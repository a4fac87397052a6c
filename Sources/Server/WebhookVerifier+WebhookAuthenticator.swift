import GitHub

/// GitHub's verifier (constant-time HMAC-SHA256 against several secrets) is the server's authenticator.
extension WebhookVerifier: WebhookAuthenticator {}
