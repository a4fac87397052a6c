import XRPL

/// The XRPL wallet signs login challenges and transition messages (ripple-keypairs `sign` over the UTF-8 bytes).
extension Wallet: TransitionSigner {}
