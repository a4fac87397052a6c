/// One field of `definitions.json` (a class so the decoder's lookups do not copy its strings).
public final class FieldInfo: Sendable {
    /// The field name, e.g. `Sequence`.
    public let name: String
    /// The field code within its type.
    public let nth: Int
    /// The type name, e.g. `UInt32`.
    public let typeName: String
    /// The type code.
    public let typeCode: Int
    /// Whether the value carries a VL length prefix.
    public let isVLEncoded: Bool
    /// Whether the field is serialized at all.
    public let isSerialized: Bool
    /// Whether the field is part of the signing data.
    public let isSigningField: Bool
    /// The canonical sort key: type code, then field code.
    var ordinal: Int { typeCode << 16 | nth }
    /// The encoded field ID.
    let header: [UInt8]
    /// The type as an enum, so the hot loop never compares strings.
    let kind: FieldKind
    /// Fields whose JSON form is a name or a base-10 string.
    let special: SpecialField

    init(
        name: String, nth: Int, typeName: String, typeCode: Int, isVLEncoded: Bool, isSerialized: Bool, isSigningField: Bool,
        header: [UInt8], kind: FieldKind, special: SpecialField
    ) {
        self.name = name
        self.nth = nth
        self.typeName = typeName
        self.typeCode = typeCode
        self.isVLEncoded = isVLEncoded
        self.isSerialized = isSerialized
        self.isSigningField = isSigningField
        self.header = header
        self.kind = kind
        self.special = special
    }
}
