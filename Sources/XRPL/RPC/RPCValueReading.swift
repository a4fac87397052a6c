/// Reads a non-negative integer given as a JSON number or a decimal string.
func integer(_ value: LedgerJSON?) -> UInt64? {
    switch value {
    case .number(let n)?: return n >= 0 ? UInt64(exactly: n) : nil
    case .string(let s)?: return UInt64(s)
    default: return nil
    }
}
