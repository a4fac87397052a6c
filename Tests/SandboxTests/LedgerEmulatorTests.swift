import Foundation
import JSON
import Testing
@testable import Sandbox
import XRPL

@Suite struct LedgerEmulatorTests {
    static let issuerSeed = "sEdSKaCy2JT7JaM7v95H9SxkhP9wS2r"
    static let holderSeed = "sp5fghtJtpUorTwvof1NpDXAzNwf5"

    /// Starts an emulator server, runs `body` with a client pointed at it, and always stops the server.
    private func withServer(_ body: (LedgerEmulator, JSONRPCClient) async throws -> Void) async throws {
        let emulator = try LedgerEmulator(now: { Date(timeIntervalSince1970: 1_790_000_000) })
        let server = try await LedgerEmulatorServer.start(emulator: emulator)
        defer { server.stop() }
        let client = JSONRPCClient(
            configuration: JSONRPCConfiguration(urls: [server.url], requestTimeout: .seconds(5), maxAttempts: 3, retryDelay: .milliseconds(1)))
        try await body(emulator, client)
    }

    /// Waits (bounded) until the emulator holds the transaction, so a ledger is closed only after it arrived.
    private func waitUntilSeen(_ emulator: LedgerEmulator, _ hash: String) async throws {
        for _ in 0..<2000 {
            if await emulator.hasSeen(transaction: hash) { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("the emulator never received \(hash)")
    }

    private func submitter(_ client: JSONRPCClient) throws -> TransactionSubmitter {
        TransactionSubmitter(
            rpc: client, codec: try BinaryCodec(), policy: SubmissionPolicy(pollInterval: .milliseconds(5), deadline: .seconds(10)))
    }

    @Test func fundTrustLinePayWithMemo_thenPageAccountTxThroughTheClient() async throws {
        try await withServer { emulator, client in
            let issuer = try Wallet(seed: Self.issuerSeed)
            let holder = try Wallet(seed: Self.holderSeed)
            await emulator.fund(address: issuer.address, drops: 100_000_000)
            await emulator.fund(address: holder.address, drops: 50_000_000)
            let submit = try submitter(client)

            let trust = try await submit.prepare(.object([
                "TransactionType": .string("TrustSet"),
                "LimitAmount": .object(["currency": .string("PFT"), "issuer": .string(issuer.address), "value": .string("1000")]),
            ]), wallet: holder)
            async let trustOutcome = submit.submitAndWait(trust)
            try await waitUntilSeen(emulator, trust.hash)
            await emulator.closeLedger()
            #expect(try await trustOutcome == .validated(hash: trust.hash, result: "tesSUCCESS", ledgerIndex: 2))

            var hashes = [String]()
            for i in 0..<12 {
                let memo = LegacyMemo(taskID: "2024-06-01_14:30__AB12", memoClass: .proposal, text: "Task \(i) .. 5", username: "node")
                let payment = try await submit.prepare(.object([
                    "TransactionType": .string("Payment"), "Destination": .string(holder.address),
                    "Amount": .object(["currency": .string("PFT"), "issuer": .string(issuer.address), "value": .string("1.5")]),
                    "Memos": .array([memo.memoWrapper]),
                ]), wallet: issuer)
                let preliminary = try await client.submit(txBlob: payment.txBlob)
                #expect(preliminary.engineResult == "tesSUCCESS")
                hashes.append(payment.hash)
                if i % 4 == 3 { await emulator.closeLedger() }
            }
            #expect(await emulator.trustLineBalance(holder: holder.address, issuer: issuer.address, currency: "PFT") == Decimal(18))

            let first = try await client.accountTransactions(address: holder.address, limit: 10, forward: true)
            #expect(first.transactions.count == 10)
            let marker = try #require(first.marker)
            let second = try await client.accountTransactions(address: holder.address, limit: 10, marker: marker, forward: true)
            #expect(second.marker == nil)
            let all = first.transactions + second.transactions
            #expect(all.count == 13)
            #expect(Array(all.dropFirst().map(\.hash)) == hashes)
            let last = try #require(all.last)
            #expect(last.validated && last.result == "tesSUCCESS")
            #expect(last.txJSON["Amount"] == nil && last.txJSON["DeliverMax"] != nil)
            let memoObject = try #require(firstMemo(last.txJSON))
            let memo = try LegacyMemo(memoObject: memoObject)
            #expect(memo.memoClass == .proposal && memo.taskID == "2024-06-01_14:30__AB12")

            let resumed = try await client.allAccountTransactions(address: holder.address, from: marker)
            #expect(resumed.map(\.hash) == second.transactions.map(\.hash))
        }
    }

    private func firstMemo(_ tx: [String: JSONValue]) -> JSONValue? {
        guard case .array(let memos)? = tx["Memos"] else { return nil }
        return memos.first?["Memo"]
    }

    @Test func engineChecks_returnRippledCodes() async throws {
        try await withServer { emulator, client in
            let issuer = try Wallet(seed: Self.issuerSeed)
            let holder = try Wallet(seed: Self.holderSeed)
            let signer = TransactionSigner(codec: try BinaryCodec())
            await #expect(throws: XRPLError.server(method: "account_info", error: "actNotFound", message: "Account not found.")) {
                _ = try await client.accountInfo(address: issuer.address)
            }
            await emulator.fund(address: issuer.address, drops: 20_000_000)
            let sequence = try await client.accountInfo(address: issuer.address).sequence
            func payment(_ fields: [String: JSONValue]) throws -> SignedTransaction {
                var tx: [String: JSONValue] = [
                    "TransactionType": .string("Payment"), "Account": .string(issuer.address), "Destination": .string(holder.address),
                    "Amount": .string("2000000"), "Fee": .string("12"), "Sequence": .int(Int(sequence)), "Flags": .int(0),
                ]
                tx.merge(fields) { $1 }
                return try signer.sign(.object(tx), with: issuer)
            }
            #expect(try await client.submit(txBlob: try payment(["Fee": .string("5")]).txBlob).engineResult == "telINSUF_FEE_P")
            #expect(try await client.submit(txBlob: try payment(["Sequence": .int(Int(sequence + 1))]).txBlob).engineResult == "terPRE_SEQ")
            #expect(try await client.submit(txBlob: try payment(["LastLedgerSequence": .int(1)]).txBlob).engineResult == "tefMAX_LEDGER")
            #expect(try await client.submit(txBlob: try payment(["Amount": .string("30000000")]).txBlob).engineResult == "tecUNFUNDED_PAYMENT")
            let ok = try payment(["Sequence": .int(Int(sequence + 1))])
            #expect(try await client.submit(txBlob: ok.txBlob).engineResult == "tesSUCCESS")
            #expect(try await client.submit(txBlob: try payment([:]).txBlob).engineResult == "tefPAST_SEQ")
            let issued = try payment([
                "Sequence": .int(Int(sequence + 2)),
                "Amount": .object(["currency": .string("PFT"), "issuer": .string(issuer.address), "value": .string("1")]),
            ])
            #expect(try await client.submit(txBlob: issued.txBlob).engineResult == "tecPATH_DRY")

            var tampered = try Hex.decode(ok.txBlob)
            tampered[tampered.count - 30] ^= 1
            await #expect(throws: XRPLError.self) { _ = try await client.submit(txBlob: Hex.encode(tampered)) }
            #expect(try await client.transaction(hash: String(repeating: "0", count: 64)) == nil)
        }
    }

    @Test func queuedTransaction_landsAfterClose_andTooBusyIsRetried() async throws {
        try await withServer { emulator, client in
            let issuer = try Wallet(seed: Self.issuerSeed)
            let holder = try Wallet(seed: Self.holderSeed)
            await emulator.fund(address: issuer.address, drops: 20_000_000)
            await emulator.queueNextSubmissions(1)
            await emulator.failNextRequests(with: ["tooBusy", "slowDown"])
            let submit = try submitter(client)
            let payment = try await submit.prepare(.object([
                "TransactionType": .string("Payment"), "Destination": .string(holder.address), "Amount": .string("5000000"),
            ]), wallet: issuer)
            async let outcome = submit.submitAndWait(payment)
            try await waitUntilSeen(emulator, payment.hash)
            await emulator.closeLedger()
            await emulator.closeLedger()
            guard case .validated(_, let result, _) = try await outcome else {
                Issue.record("expected a validated outcome")
                return
            }
            #expect(result == "tesSUCCESS")
            #expect(await emulator.balance(of: holder.address) == 5_000_000)
        }
    }

    @Test func expiredTransaction_isReportedAsExpired_notResubmitted() async throws {
        try await withServer { emulator, client in
            let issuer = try Wallet(seed: Self.issuerSeed)
            await emulator.fund(address: issuer.address, drops: 20_000_000)
            await emulator.queueNextSubmissions(1)
            let submit = TransactionSubmitter(
                rpc: client, codec: try BinaryCodec(),
                policy: SubmissionPolicy(ledgerOffset: 0, pollInterval: .milliseconds(5), deadline: .seconds(10)))
            let payment = try await submit.prepare(.object([
                "TransactionType": .string("Payment"), "Destination": .string("rf1BiGeXwwQoi8Z2ueFYTEXSwuJYfV2Jpn"), "Amount": .string("5000000"),
            ]), wallet: issuer)
            async let outcome = submit.submitAndWait(payment)
            try await waitUntilSeen(emulator, payment.hash)
            await emulator.closeLedger()
            await emulator.closeLedger()
            #expect(try await outcome == .expired(hash: payment.hash, lastLedgerSequence: 2))
        }
    }

    @Test func serverInfoNetworkID_isAutofilledOnlyAbove1024() async throws {
        let emulator = try LedgerEmulator(networkID: 2025)
        let server = try await LedgerEmulatorServer.start(emulator: emulator)
        defer { server.stop() }
        let client = JSONRPCClient(configuration: JSONRPCConfiguration(urls: [server.url]))
        let wallet = try Wallet(seed: Self.issuerSeed)
        await emulator.fund(address: wallet.address, drops: 20_000_000)
        let submit = TransactionSubmitter(rpc: client, codec: try BinaryCodec(), policy: SubmissionPolicy(feeCapDrops: 11))
        let filled = try await submit.autofill(.object(["TransactionType": .string("AccountSet")]), account: wallet.address)
        #expect(filled["NetworkID"] == .int(2025))
        #expect(filled["Fee"] == .string("10"))
        #expect(filled["LastLedgerSequence"] == .int(22))
        #expect(filled["Sequence"] == .int(2))
    }

    @Test func failover_movesToTheNextURL() async throws {
        let emulator = try LedgerEmulator()
        let server = try await LedgerEmulatorServer.start(emulator: emulator)
        defer { server.stop() }
        let client = JSONRPCClient(configuration: JSONRPCConfiguration(
            urls: ["http://127.0.0.1:1/", server.url], requestTimeout: .seconds(2), maxAttempts: 3, retryDelay: .milliseconds(1)))
        #expect(try await client.ledgerCurrent() == 2)
        let broken = JSONRPCClient(configuration: JSONRPCConfiguration(
            urls: ["http://127.0.0.1:1/"], requestTimeout: .seconds(2), maxAttempts: 2, retryDelay: .milliseconds(1)))
        await #expect(throws: XRPLError.self) { _ = try await broken.ledgerCurrent() }
    }

    @Test func closeTimer_validatesWithoutManualCloses() async throws {
        let emulator = try LedgerEmulator()
        let server = try await LedgerEmulatorServer.start(emulator: emulator, closeInterval: .milliseconds(20))
        defer { server.stop() }
        let client = JSONRPCClient(configuration: JSONRPCConfiguration(urls: [server.url]))
        let wallet = try Wallet(seed: Self.holderSeed)
        await emulator.fund(address: wallet.address, drops: 20_000_000)
        let submit = try submitter(client)
        let signed = try await submit.prepare(.object(["TransactionType": .string("AccountSet")]), wallet: wallet)
        guard case .validated(let hash, let result, _) = try await submit.submitAndWait(signed) else {
            Issue.record("expected a validated outcome")
            return
        }
        #expect(hash == signed.hash && result == "tesSUCCESS")
        let record = try #require(try await client.transaction(hash: signed.hash))
        #expect(record.validated && record.closeTimeISO != nil)
    }

    @Test func apiVersion1_shapesCarryTheHashInsideTx() async throws {
        let emulator = try LedgerEmulator()
        let wallet = try Wallet(seed: Self.issuerSeed)
        await emulator.fund(address: wallet.address, drops: 20_000_000)
        let signed = try TransactionSigner(codec: try BinaryCodec()).sign(.object([
            "TransactionType": .string("Payment"), "Destination": .string("rf1BiGeXwwQoi8Z2ueFYTEXSwuJYfV2Jpn"),
            "Amount": .string("2000000"), "Fee": .string("10"), "Sequence": .int(2), "Flags": .int(0),
        ]), with: wallet)
        let submitted = await emulator.respond(method: "submit", params: ["tx_blob": .string(signed.txBlob)])
        #expect(submitted["engine_result"] == .string("tesSUCCESS"))
        await emulator.closeLedger()
        let v1 = await emulator.respond(method: "account_tx", params: ["account": .string(wallet.address)])
        let entry = try #require(v1["transactions"].flatMap { if case .array(let a) = $0 { return a.first } else { return nil } })
        #expect(entry["tx"]?["hash"] == .string(signed.hash))
        #expect(entry["tx"]?["Amount"] == .string("2000000") && entry["tx_json"] == nil)
        let tx = await emulator.respond(method: "tx", params: ["transaction": .string(signed.hash)])
        #expect(tx["hash"] == .string(signed.hash) && tx["Account"] == .string(wallet.address) && tx["validated"] == .bool(true))
    }

    @Test func memoLocalChecks_rejectOversizedMemosAndNonURLMemoTypes() async throws {
        let emulator = try LedgerEmulator()
        let wallet = try Wallet(seed: Self.issuerSeed)
        await emulator.fund(address: wallet.address, drops: 20_000_000)
        let signer = TransactionSigner(codec: try BinaryCodec())
        func submit(memoType: String, memoData: [UInt8]) async throws -> [String: JSONValue] {
            let signed = try signer.sign(.object([
                "TransactionType": .string("Payment"), "Destination": .string("rf1BiGeXwwQoi8Z2ueFYTEXSwuJYfV2Jpn"),
                "Amount": .string("2000000"), "Fee": .string("10"), "Sequence": .int(2), "Flags": .int(0),
                "Memos": .array([.object(["Memo": .object([
                    "MemoType": .string(Hex.encode(Array(memoType.utf8))), "MemoData": .string(Hex.encode(memoData)),
                ])])]),
            ]), with: wallet)
            return await emulator.respond(method: "submit", params: ["tx_blob": .string(signed.txBlob)])
        }
        let oversized = try await submit(memoType: "text/plain", memoData: [UInt8](repeating: 0x41, count: 1100))
        #expect(oversized["error"] == .string("invalidTransaction"))
        #expect(oversized["error_message"]?.stringValue?.contains("maximum allowed size") == true)
        let spaced = try await submit(memoType: "text plain", memoData: [0x41])
        #expect(spaced["error"] == .string("invalidTransaction"))
        let fine = try await submit(memoType: "text/plain", memoData: [UInt8](repeating: 0x41, count: 900))
        #expect(fine["engine_result"] == .string("tesSUCCESS"))
    }

    @Test func randomRequests_getAnAnswerAndNeverCrash() async throws {
        let emulator = try LedgerEmulator()
        let methods = ["submit", "tx", "account_tx", "account_info", "ledger", "fee", "server_info", "ledger_current", "nope"]
        let values: [JSONValue] = [
            .double(1e300), .int(-1), .double(0.5), .string("rf1BiGeXwwQoi8Z2ueFYTEXSwuJYfV2Jpn"), .string("ZZ"), .bool(true),
            .null, .array([]), .object(["ledger": .double(1e300), "seq": .string("x")]), .string("1200"),
        ]
        let keys = ["account", "tx_blob", "transaction", "limit", "marker", "ledger_index", "forward", "ledger_index_min"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<1000 {
            var params = [String: JSONValue]()
            for _ in 0..<next(4) { params[keys[next(keys.count)]] = values[next(values.count)] }
            let body = JSONValue.object(["method": .string(methods[next(methods.count)]), "params": .array([.object(params)])]).serialized()
            let (status, response) = await emulator.handle(body: body)
            #expect(status == 200 && !response.isEmpty)
        }
        let (status, _) = await emulator.handle(body: Array("not json".utf8))
        #expect(status == 400)
    }
}
