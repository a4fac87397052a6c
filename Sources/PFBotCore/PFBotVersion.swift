/// pfbot's version, printed by `pfbot --version` and sent in User-Agent headers.
public enum PFBotVersion {
    /// The release this build is.
    public static let current = "0.1.0"
}
