/// How JavaScript prints a number (ECMAScript `Number::toString`), for the emulator's canonical JSON.
///
/// The literal is read as an IEEE double, as JavaScript reads it; the shortest decimal digits that round-trip
/// (Swift's `Double.description` produces them) are then laid out by the ECMAScript rules: with `s` the digits,
/// `k` their count and `n` the decimal exponent (value = 0.s × 10ⁿ): plain digits and zeros when `k ≤ n ≤ 21`,
/// a point inside when `0 < n ≤ 21`, `0.000…s` when `-6 < n ≤ 0`, otherwise exponent form `d.ddde±x`.
enum JavaScriptNumberText {
    /// The JavaScript text of a JSON number literal; `null` (as `JSON.stringify` writes) when it overflows a double.
    static func text(forLiteral literal: String) -> String {
        guard let value = Double(literal), value.isFinite else { return "null" }
        guard value != 0 else { return "0" }
        let (digits, n) = significantDigits(of: value.magnitude.description)
        let k = digits.count
        let sign = value < 0 ? "-" : ""
        if k <= n && n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return sign + String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        }
        if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let exponent = n - 1
        let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String(exponent.magnitude)
    }

    /// The significant digits of a positive decimal text such as `1.5`, `100.0` or `1.2e-07`, without leading or
    /// trailing zeros, and `n` such that the value is 0.digits × 10ⁿ.
    private static func significantDigits(of text: String) -> (String, Int) {
        var digits = ""
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var rest = Substring(text)
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "." {
                seenPoint = true
            } else if character == "e" || character == "E" {
                exponent = Int(rest.hasPrefix("+") ? rest.dropFirst() : rest) ?? 0
                break
            } else {
                digits.append(character)
                if !seenPoint { integerDigits += 1 }
            }
        }
        var n = integerDigits + exponent
        while digits.first == "0" {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits, n)
    }
}
