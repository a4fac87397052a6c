import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hostile and honest HTTP clients for the server's edge (`scripts/bench edge` and the edge tests), on loopback
/// only, each on its own thread with blocking POSIX sockets (so the Swift cooperative pool stays free for the code
/// under test), every call bounded in time.
public enum EdgeLoad {
    /// The outcome of one refused-body attempt.
    public enum Refusal: Sendable, Equatable {
        /// The server answered this status.
        case status(Int)
        /// The server closed or reset the connection without an answer.
        case closed
    }

    /// Runs `body` on a new thread and returns its result.
    public static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Sends a POST of `bodyBytes` bytes of `x` to `/webhooks/github`: with `Content-Length`, or chunked; unsigned
    /// unless `signature` is given (a well-formed one that cannot match makes the server read the body). Stops
    /// sending as soon as the server answers, at the latest after the body.
    public static func hostileBody(port: Int, bodyBytes: Int, chunked: Bool, signature: String? = nil, timeout: TimeInterval = 30) -> Refusal {
        guard let socket = LoopbackSocket(port: port, timeout: timeout) else { return .closed }
        defer { socket.close() }
        var head = "POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nX-GitHub-Event: ping\r\nX-GitHub-Delivery: hostile\r\n"
        if let signature { head += "X-Hub-Signature-256: \(signature)\r\n" }
        head += chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: \(bodyBytes)\r\n\r\n"
        guard socket.send(Array(head.utf8)) else { return socket.readStatus().map(Refusal.status) ?? .closed }
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        var sent = 0
        while sent < bodyBytes {
            if socket.hasInput() { break }
            let count = min(piece.count, bodyBytes - sent)
            let frame = chunked ? Array((String(count, radix: 16) + "\r\n").utf8) + piece[0..<count] + Array("\r\n".utf8) : Array(piece[0..<count])
            guard socket.send(frame) else { break }
            sent += count
        }
        if chunked, sent >= bodyBytes { _ = socket.send(Array("0\r\n\r\n".utf8)) }
        return socket.readStatus().map(Refusal.status) ?? .closed
    }

    /// Sends one complete request and returns the response's status, or `nil` when there was none.
    public static func request(port: Int, method: String = "POST", path: String, headers: [String: String] = [:], body: [UInt8] = [],
                               timeout: TimeInterval = 30) -> Int? {
        guard let socket = LoopbackSocket(port: port, timeout: timeout) else { return nil }
        defer { socket.close() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        guard socket.send(Array((head + "\r\n").utf8) + body) else { return nil }
        return socket.readStatus()
    }

    /// Opens a connection that sends a request's headers one small line per `interval`, never finishing them.
    /// - Returns: seconds until the server closed it, or `nil` when it was still open after `limit` seconds.
    public static func slowHeaders(port: Int, interval: TimeInterval = 1, limit: TimeInterval = 60) -> TimeInterval? {
        let start = Date()
        guard let socket = LoopbackSocket(port: port, timeout: interval) else { return nil }
        defer { socket.close() }
        guard socket.send(Array("POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)) else { return Date().timeIntervalSince(start) }
        var line = 0
        while Date().timeIntervalSince(start) < limit {
            if socket.isClosedByPeer() { return Date().timeIntervalSince(start) }
            line += 1
            guard socket.send(Array("X-Slow-\(line): x\r\n".utf8)) else { return Date().timeIntervalSince(start) }
        }
        return nil
    }

    /// The peak resident set (`VmHWM`) of a process, in bytes, from `/proc`.
    public static func peakResidentBytes(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }
}

/// A blocking TCP connection to 127.0.0.1 with send and receive timeouts.
struct LoopbackSocket {
    let fd: Int32

    init?(port: Int, timeout: TimeInterval) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var time = timeval(tv_sec: .init(Int(timeout)), tv_usec: .init(Int((timeout - Double(Int(timeout))) * 1_000_000)))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            return nil
        }
        self.fd = fd
    }

    /// Sends everything; `false` when the peer closed or the send timed out.
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Whether something (an answer, or the end of the stream) is waiting to be read.
    func hasInput() -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    /// Whether the peer closed (or reset) the connection; waits up to the receive timeout for it.
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        let received = recv(fd, &byte, 1, 0)
        if received == 0 { return true }
        if received < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        return false
    }

    /// Reads a response's status line; `nil` when the connection ended (or timed out) first.
    func readStatus() -> Int? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
            if let text = String(bytes: received, encoding: .utf8), let end = text.range(of: "\r\n") {
                let parts = text[..<end.lowerBound].split(separator: " ")
                return parts.count >= 2 ? Int(parts[1]) : nil
            }
        }
        return nil
    }

    func close() {
        Glibc.close(fd)
    }
}
