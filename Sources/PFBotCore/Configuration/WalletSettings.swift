import struct Foundation.URL

/// `wallet.*`: at most one of the seed and the mnemonic.
public struct WalletSettings: Sendable, Equatable {
    /// The family seed (`s…`/`sEd…`).
    public var seed: SecretReference?
    /// A 24-word mnemonic.
    public var mnemonic: SecretReference?

    public init(seed: SecretReference?, mnemonic: SecretReference?) {
        self.seed = seed
        self.mnemonic = mnemonic
    }
}
