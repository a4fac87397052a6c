import JSON

/// PathSet values: paths of steps, `FF` between paths, `00` at the end (xrpl.org Binary Format, "PathSet Fields").
enum PathSetCodec {
    static func encode(_ value: JSONValue, field: String) throws -> [UInt8] {
        guard case .array(let paths) = value else { throw XRPLError.invalidField(field: field, reason: "expected an array of paths") }
        var out = [UInt8]()
        for (index, path) in paths.enumerated() {
            if index > 0 { out.append(0xFF) }
            guard case .array(let steps) = path else { throw XRPLError.invalidField(field: field, reason: "each path must be an array") }
            for step in steps {
                guard case .object(let s) = step else { throw XRPLError.invalidField(field: field, reason: "each step must be an object") }
                var type: UInt8 = 0
                var body = [UInt8]()
                if case .string(let account)? = s["account"] {
                    type |= 0x01
                    body += try ScalarCodec.accountID(account, field: field)
                }
                if case .string(let currency)? = s["currency"] {
                    type |= 0x10
                    body += try CurrencyCodec.encode(currency, field: field)
                }
                if case .string(let issuer)? = s["issuer"] {
                    type |= 0x20
                    body += try ScalarCodec.accountID(issuer, field: field)
                }
                guard type != 0 else { throw XRPLError.invalidField(field: field, reason: "a path step needs account, currency or issuer") }
                out.append(type)
                out += body
            }
        }
        out.append(0x00)
        return out
    }

    static func decode(_ b: UnsafeRawBufferPointer, at offset: Int, field: String) throws -> (JSONValue, Int) {
        var position = offset
        var paths = [JSONValue]()
        var steps = [JSONValue]()
        while true {
            guard position < b.count else { throw XRPLError.malformedBinary(field: field, reason: "path set not terminated") }
            let type = b[position]
            position += 1
            if type == 0x00 || type == 0xFF {
                paths.append(.array(steps))
                steps = []
                if type == 0x00 { break }
                continue
            }
            guard type & ~0x31 == 0 else { throw XRPLError.malformedBinary(field: field, reason: "unknown path step type \(type)") }
            var step = [String: JSONValue]()
            if type & 0x01 != 0 {
                step["account"] = .string(try account(b, &position, field))
            }
            if type & 0x10 != 0 {
                guard position + 20 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated path currency") }
                step["currency"] = .string(CurrencyCodec.decode(b, at: position))
                position += 20
            }
            if type & 0x20 != 0 {
                step["issuer"] = .string(try account(b, &position, field))
            }
            steps.append(.object(step))
        }
        return (.array(paths), position - offset)
    }

    private static func account(_ b: UnsafeRawBufferPointer, _ position: inout Int, _ field: String) throws -> String {
        guard position + 20 <= b.count else { throw XRPLError.malformedBinary(field: field, reason: "truncated path account") }
        defer { position += 20 }
        return AddressCodec.encodeAccountID(Array(UnsafeRawBufferPointer(rebasing: b[position..<(position + 20)])))
    }
}
