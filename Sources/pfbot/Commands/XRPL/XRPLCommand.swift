import ArgumentParser

/// `pfbot xrpl …`: keys, message signatures and the binary codec.
struct XRPLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xrpl",
        abstract: "XRPL keys, message signatures, binary codec and offline transaction signing.",
        discussion: "Secrets are read from a file (mode 0600 or stricter) or $PFBOT_WALLET_SEED, never from arguments.",
        subcommands: [
            KeypairCommand.self, SignMessageCommand.self, VerifyMessageCommand.self, EncodeCommand.self, DecodeCommand.self,
            SignTransactionCommand.self,
        ])
}
