/// An AccountRoot in the emulator.
struct EmulatedAccount: Sendable {
    var balance: UInt64
    var sequence: UInt32
    var ownerCount: UInt32 = 0
    var flags: UInt32 = 0
}
