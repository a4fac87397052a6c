extension Duration {
    /// The duration in seconds, as a `Double` (for waits given to `Date` arithmetic, rates and latencies).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
