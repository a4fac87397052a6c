/// A decimal number as digits × 10^exponent, parsed from and printed like xrpl.js (bignumber.js `toString`).
struct DecimalValue: Equatable {
    var negative: Bool
    /// Significant digits without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    var exponent: Int

    var isZero: Bool { digits.isEmpty }

    /// Parses `[-+]digits[.digits][e[-+]digits]`.
    static func parse(_ text: String) -> DecimalValue? {
        var chars = Array(text.utf8)[...]
        guard !chars.isEmpty, chars.count <= 400 else { return nil }
        var negative = false
        if chars.first == UInt8(ascii: "-") || chars.first == UInt8(ascii: "+") {
            negative = chars.first == UInt8(ascii: "-")
            chars = chars.dropFirst()
        }
        var digits = [UInt8]()
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while let c = chars.first, c != UInt8(ascii: "e") && c != UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if c == UInt8(ascii: ".") {
                guard !sawPoint else { return nil }
                sawPoint = true
            } else if c >= 0x30 && c <= 0x39 {
                sawDigit = true
                digits.append(c - 0x30)
                if sawPoint { exponent -= 1 }
            } else {
                return nil
            }
        }
        guard sawDigit else { return nil }
        if !chars.isEmpty {
            chars = chars.dropFirst()
            guard let e = Int(String(decoding: chars, as: UTF8.self)), abs(e) < 100_000 else { return nil }
            exponent += e
        }
        while let first = digits.first, first == 0 { digits.removeFirst() }
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return DecimalValue(negative: false, digits: [], exponent: 0) }
        return DecimalValue(negative: negative, digits: digits, exponent: exponent)
    }

    /// Builds the value `mantissa × 10^exponent`.
    init(negative: Bool, mantissa: UInt64, exponent: Int) {
        var m = mantissa
        var e = exponent
        var reversed = [UInt8]()
        while m > 0 && m % 10 == 0 { m /= 10; e += 1 }
        while m > 0 { reversed.append(UInt8(m % 10)); m /= 10 }
        self.init(negative: negative && !reversed.isEmpty, digits: reversed.reversed(), exponent: reversed.isEmpty ? 0 : e)
    }

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }

    /// The exponent of the leading digit in scientific notation.
    var scientificExponent: Int { digits.count - 1 + exponent }

    /// The digits as an integer, if they fit.
    var mantissa: UInt64? {
        var m: UInt64 = 0
        for d in digits {
            let (a, o1) = m.multipliedReportingOverflow(by: 10)
            let (b, o2) = a.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return nil }
            m = b
        }
        return m
    }

    /// bignumber.js `toString()`: exponential below 1e-6 and from 1e21 up, plain otherwise.
    var bigNumberString: String {
        if isZero { return "0" }
        let sign = negative ? "-" : ""
        let ascii = digits.map { Character(UnicodeScalar($0 + 0x30)) }
        let sci = scientificExponent
        if sci < -6 || sci >= 21 {
            var s = sign + String(ascii[0])
            if ascii.count > 1 { s += "." + String(ascii[1...]) }
            return s + "e" + (sci < 0 ? "-" : "+") + String(abs(sci))
        }
        return sign + plainString(ascii)
    }

    /// Plain positional notation of the absolute value.
    func plainString(_ ascii: [Character]) -> String {
        if exponent >= 0 { return String(ascii) + String(repeating: "0", count: exponent) }
        let point = ascii.count + exponent
        if point > 0 { return String(ascii[..<point]) + "." + String(ascii[point...]) }
        return "0." + String(repeating: "0", count: -point) + String(ascii)
    }
}
