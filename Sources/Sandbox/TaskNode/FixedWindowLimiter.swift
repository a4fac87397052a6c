import Foundation

/// The fixed-window limiter of `rate-limit.js`: the first hit opens a window, each hit counts, hits are
/// allowed while `count <= limit`, and blocked hits do not extend the window.
struct FixedWindowLimiter: Sendable {
    struct Verdict: Sendable {
        let allowed: Bool
        let limit: Int
        let remaining: Int
        let retryAfterSeconds: Int
    }

    private var windows: [String: (start: Date, count: Int)] = [:]

    mutating func hit(_ key: String, limit: Int, windowSeconds: Double, now: Date) -> Verdict {
        var window = windows[key] ?? (now, 0)
        if now.timeIntervalSince(window.start) >= windowSeconds { window = (now, 0) }
        window.count += 1
        windows[key] = window
        let remainingWindow = windowSeconds - now.timeIntervalSince(window.start)
        return Verdict(allowed: window.count <= limit, limit: limit, remaining: max(0, limit - window.count),
                       retryAfterSeconds: max(1, Int(remainingWindow.rounded(.up))))
    }
}
