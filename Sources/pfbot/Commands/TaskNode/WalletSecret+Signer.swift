import PostFiat
import XRPL

extension WalletSecret {
    /// The XRPL wallet for this secret.
    /// - Throws: the XRPL module's error when the seed or mnemonic is invalid.
    func makeSigner() throws -> any TransitionSigner {
        switch self {
        case .seed(let seed): return try Wallet(seed: seed)
        case .mnemonic(let words): return try Wallet(mnemonic: words)
        }
    }
}
