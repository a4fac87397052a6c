import Foundation
import PostFiat
import Sandbox

/// Fixed jitter.
struct FixedJitter: JitterSource {
    let value: Double
    func nextUnit() -> Double { value }
}
