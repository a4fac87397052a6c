import Foundation
import PFBotCore
import Testing

@Suite struct PFTAmountTests {
    @Test(arguments: [("12000", Int64(12_000_000_000)), ("0.5", 500_000), ("1.000001", 1_000_001), (".25", 250_000), ("-3", -3_000_000), ("0", 0)])
    func decimalText_parsesExactly(text: String, drops: Int64) throws {
        #expect(try PFTAmount(parsing: text).drops == drops)
    }

    @Test(arguments: ["", "abc", "1.0000001", "1e3", "1,5", "--1", "1.2.3", "NaN", "99999999999999", ".", "+1"])
    func badText_isRefused(text: String) {
        #expect(throws: DomainError.invalidAmount(text)) { try PFTAmount(parsing: text) }
    }

    @Test func decimalText_dropsTrailingZeros() throws {
        #expect(try PFTAmount(parsing: "12.500").decimalText == "12.5")
        #expect(try PFTAmount(parsing: "-0.000001").decimalText == "-0.000001")
        #expect(PFTAmount(drops: 12_000_000_000).description == "12000 PFT")
    }

    @Test func json_roundTripsAsText_andRefusesFractionalNumbers() throws {
        let amount = try PFTAmount(parsing: "0.1")
        let data = try JSONEncoder().encode(amount)
        #expect(String(decoding: data, as: UTF8.self) == "\"0.1\"")
        #expect(try JSONDecoder().decode(PFTAmount.self, from: data) == amount)
        #expect(try JSONDecoder().decode(PFTAmount.self, from: Data("[7]".utf8).dropFirst().dropLast()) == PFTAmount(drops: 7_000_000))
        #expect(throws: (any Error).self) { try JSONDecoder().decode(PFTAmount.self, from: Data("0.1".utf8)) }
    }
}

@Suite struct TaskIDTests {
    @Test(arguments: ["task_0123456789abcdef0123456789abcdef", "task_net_replay_000000000000000000000001", "a.b-c_d"])
    func validIDs_areKept(id: String) throws {
        #expect(try TaskID(id).rawValue == id)
    }

    @Test(arguments: ["", "../etc", "a/b", "task id", "-rf", ".hidden", "task\u{0}x", "t\u{202E}x", String(repeating: "a", count: 129), "{{x}}"])
    func hostileIDs_areRefused(id: String) {
        #expect(throws: DomainError.invalidTaskID(id)) { try TaskID(id) }
    }
}
