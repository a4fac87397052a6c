import JSON

/// Reads a non-negative integer given as a JSON number or a decimal string.
func integer(_ value: JSONValue?) -> UInt64? {
    switch value {
    case .int(let n)?: return UInt64(exactly: n)
    case .double(let n)?: return UInt64(exactly: n)
    case .string(let s)?: return UInt64(s)
    default: return nil
    }
}
