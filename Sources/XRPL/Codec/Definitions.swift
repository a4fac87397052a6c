import Foundation
import JSON

/// The field, type and enum tables of `definitions.json` (bundled with this module).
public struct Definitions: Sendable {
    let fieldsByName: [String: FieldInfo]
    /// Serialized fields, indexed through `ordinalIndex`.
    let serializedFields: [FieldInfo]
    /// `typeCode << 8 | nth` → index into `serializedFields` + 1 (0 = no such field); 64 Ki entries.
    let ordinalIndex: [UInt16]
    let transactionTypes: [String: Int]
    let transactionTypeNames: [Int: String]
    let ledgerEntryTypes: [String: Int]
    let ledgerEntryTypeNames: [Int: String]
    let transactionResults: [String: Int]
    let transactionResultNames: [Int: String]
    let permissionValues: [String: Int]
    let permissionNames: [Int: String]

    /// The copy bundled with the module, loaded once.
    public static let bundled: Result<Definitions, XRPLError> = {
        guard let url = Bundle.module.url(forResource: "definitions", withExtension: "json"),
            let data = FileManager.default.contents(atPath: url.path)
        else { return .failure(.definitionsUnavailable("definitions.json is missing from the module bundle")) }
        do { return .success(try Definitions(json: Array(data))) } catch let error as XRPLError {
            return .failure(error)
        } catch { return .failure(.definitionsUnavailable("\(error)")) }
    }()

    /// The bundled definitions, or the error that prevented loading them.
    public static func load() throws -> Definitions { try bundled.get() }

    /// Granular permissions of the PermissionDelegation amendment (xrpl.js `GRANULAR_PERMISSIONS`).
    static let granularPermissions: [String: Int] = [
        "TrustlineAuthorize": 65537, "TrustlineFreeze": 65538, "TrustlineUnfreeze": 65539, "AccountDomainSet": 65540,
        "AccountEmailHashSet": 65541, "AccountMessageKeySet": 65542, "AccountTransferRateSet": 65543,
        "AccountTickSizeSet": 65544, "PaymentMint": 65545, "PaymentBurn": 65546, "MPTokenIssuanceLock": 65547,
        "MPTokenIssuanceUnlock": 65548,
    ]

    /// Parses a `definitions.json` document.
    public init(json: [UInt8]) throws {
        guard case .object(let root) = try JSONValue.parse(json),
            case .object(let types)? = root["TYPES"], case .array(let fields)? = root["FIELDS"]
        else { throw XRPLError.definitionsUnavailable("TYPES or FIELDS missing") }
        var typeCodes = [String: Int]()
        for (name, value) in types { if let code = value.intValue { typeCodes[name] = code } }
        var byName = [String: FieldInfo]()
        var serialized = [FieldInfo]()
        var index = [UInt16](repeating: 0, count: 1 << 16)
        for entry in fields {
            guard case .array(let pair) = entry, pair.count == 2, case .string(let name) = pair[0],
                case .object(let info) = pair[1], case .string(let typeName)? = info["type"],
                let nth = info["nth"]?.intValue
            else { continue }
            let typeCode = typeCodes[typeName] ?? -2
            let field = FieldInfo(
                name: name, nth: nth, typeName: typeName, typeCode: typeCode,
                isVLEncoded: info["isVLEncoded"] == .bool(true), isSerialized: info["isSerialized"] == .bool(true),
                isSigningField: info["isSigningField"] == .bool(true),
                header: Self.fieldHeader(typeCode: typeCode, nth: nth), kind: FieldKind(typeName: typeName),
                special: SpecialField(name: name))
            byName[name] = field
            if field.isSerialized && typeCode > 0 && typeCode < 256 && field.nth > 0 && field.nth < 256 {
                serialized.append(field)
                index[typeCode << 8 | field.nth] = UInt16(serialized.count)
            }
        }
        fieldsByName = byName
        serializedFields = serialized
        ordinalIndex = index
        (transactionTypes, transactionTypeNames) = Self.table(root["TRANSACTION_TYPES"])
        (ledgerEntryTypes, ledgerEntryTypeNames) = Self.table(root["LEDGER_ENTRY_TYPES"])
        (transactionResults, transactionResultNames) = Self.table(root["TRANSACTION_RESULTS"])
        var permissions = Self.granularPermissions
        for (name, code) in transactionTypes where code >= 0 { permissions[name] = code + 1 }
        permissionValues = permissions
        permissionNames = Dictionary(permissions.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    }

    /// The serialized field with this type and field code, if any.
    @inline(__always)
    func field(typeCode: Int, nth: Int) -> FieldInfo? {
        guard typeCode >= 0, typeCode < 256, nth >= 0, nth < 256 else { return nil }
        let slot = Int(ordinalIndex[typeCode << 8 | nth])
        return slot == 0 ? nil : serializedFields[slot - 1]
    }

    /// The field named `name`, if any.
    public func field(named name: String) -> FieldInfo? { fieldsByName[name] }

    /// The numeric code of a transaction type name.
    public func transactionTypeCode(_ name: String) -> Int? { transactionTypes[name] }

    /// The name of a transaction result code (`tesSUCCESS` for 0).
    public func transactionResultName(_ code: Int) -> String? { transactionResultNames[code] }

    /// The numeric code of a transaction result name.
    public func transactionResultCode(_ name: String) -> Int? { transactionResults[name] }

    private static func table(_ value: JSONValue?) -> ([String: Int], [Int: String]) {
        guard case .object(let o)? = value else { return ([:], [:]) }
        var forward = [String: Int]()
        var backward = [Int: String]()
        for (name, v) in o {
            if let code = v.intValue {
                forward[name] = code
                backward[code] = name
            }
        }
        return (forward, backward)
    }

    /// Field ID bytes (xrpl.org Binary Format, "Field IDs").
    static func fieldHeader(typeCode: Int, nth: Int) -> [UInt8] {
        guard typeCode >= 0, typeCode < 256, nth >= 0, nth < 256 else { return [] }
        switch (typeCode < 16, nth < 16) {
        case (true, true): return [UInt8(typeCode << 4 | nth)]
        case (false, true): return [UInt8(nth), UInt8(typeCode)]
        case (true, false): return [UInt8(typeCode << 4), UInt8(nth)]
        case (false, false): return [0, UInt8(typeCode), UInt8(nth)]
        }
    }
}
