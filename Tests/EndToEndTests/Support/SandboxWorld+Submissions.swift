import Foundation
import SandboxWorld

extension SandboxWorld {
    /// Initial submissions the Task Node emulator accepted (phase submit, answered 200).
    func acceptedSubmissions() async -> Int {
        await taskNode.recorded.filter { exchange in
            let body = String(decoding: exchange.request.body, as: UTF8.self)
            return exchange.request.path == "/api/tasks/submission" && exchange.status == 200
                && body.contains("\"phase\":\"submit\"") && body.contains("\"initial_submission\"")
        }.count
    }
}
