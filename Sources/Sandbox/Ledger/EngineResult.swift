/// A preliminary or final transaction result as the emulator reports it.
struct EngineResult: Sendable, Equatable {
    let code: String
    let message: String

    static let success = EngineResult(code: "tesSUCCESS", message: "The transaction was applied. Only final in a validated ledger.")
    static let queued = EngineResult(code: "terQUEUED", message: "Held until escalated fee drops.")
    static let pastSequence = EngineResult(code: "tefPAST_SEQ", message: "This sequence number has already passed.")
    static let preSequence = EngineResult(code: "terPRE_SEQ", message: "Missing/inapplicable prior transaction.")
    static let maxLedger = EngineResult(code: "tefMAX_LEDGER", message: "Ledger sequence too high.")
    static let insufficientFee = EngineResult(code: "telINSUF_FEE_P", message: "Fee insufficient.")
    static let noAccount = EngineResult(code: "terNO_ACCOUNT", message: "The source account does not exist.")
    static let insufficientFeeBalance = EngineResult(code: "terINSUF_FEE_B", message: "Account balance can't pay fee.")
    static let already = EngineResult(code: "tefALREADY", message: "The exact transaction was already in this ledger.")
    static let noDestination = EngineResult(code: "tecNO_DST", message: "Destination does not exist. Send XRP to create it.")
    static let noDestinationInsufficientXRP = EngineResult(
        code: "tecNO_DST_INSUF_XRP", message: "Destination does not exist. Too little XRP sent to create it.")
    static let pathDry = EngineResult(code: "tecPATH_DRY", message: "Path could not send partial amount.")
    static let pathPartial = EngineResult(code: "tecPATH_PARTIAL", message: "Path could not send full amount.")
    static let unfunded = EngineResult(code: "tecUNFUNDED_PAYMENT", message: "Insufficient XRP balance to send.")
    static let noLine = EngineResult(code: "tecNO_LINE", message: "No such line.")
    static let unknownType = EngineResult(code: "temUNKNOWN", message: "The emulator does not implement this transaction type.")
    static let badAmount = EngineResult(code: "temBAD_AMOUNT", message: "Can only send positive amounts.")
    static let malformed = EngineResult(code: "temMALFORMED", message: "Malformed transaction.")

    /// Whether the fee and sequence are consumed (tes and tec).
    var claimsFee: Bool { code == "tesSUCCESS" || code.hasPrefix("tec") }
}
