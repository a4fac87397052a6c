/// pfbot's version, printed by `pfbot --version` and sent in User-Agent headers.
enum PFBotVersion {
    static let current = "0.1.0"
}
