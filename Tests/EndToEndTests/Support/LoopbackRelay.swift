import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP relay on a loopback port to another loopback port, started when a test decides, so that a client first finds
/// the port refusing connections and then answering. Bytes are copied both ways, unchanged.
final class LoopbackRelay: @unchecked Sendable {
    private let listener: Int32

    /// A loopback port nothing listens on (bound, read, and released).
    static func freePort() throws -> Int {
        let socket = try openSocket()
        defer { close(socket) }
        var address = loopback(port: 0)
        guard withSocketAddress(&address, { bind(socket, $0, $1) }) == 0 else { throw RelayError("bind", errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        guard withUnsafeMutablePointer(to: &address, { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }) == 0
        else { throw RelayError("getsockname", errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Listens on `port` and relays each connection to `target`.
    init(port: Int, target: Int) throws {
        let socket = try Self.openSocket()
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: port)
        guard Self.withSocketAddress(&address, { bind(socket, $0, $1) }) == 0, listen(socket, 64) == 0 else {
            close(socket)
            throw RelayError("listen on \(port)", errno)
        }
        listener = socket
        Thread.detachNewThread {
            while true {
                let client = accept(socket, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread { Self.relay(client, to: target) }
            }
        }
    }

    /// Stops accepting (connections already relayed finish on their own).
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func relay(_ client: Int32, to target: Int) {
        guard let server = try? openSocket() else {
            close(client)
            return
        }
        var address = loopback(port: target)
        guard withSocketAddress(&address, { connect(server, $0, $1) }) == 0 else {
            close(server)
            close(client)
            return
        }
        let done = DispatchGroup()
        for (from, to) in [(client, server), (server, client)] {
            done.enter()
            Thread.detachNewThread {
                var buffer = [UInt8](repeating: 0, count: 16_384)
                while true {
                    let count = read(from, &buffer, buffer.count)
                    guard count > 0, write(to, buffer, count) == count else { break }
                }
                shutdown(to, Int32(SHUT_WR))
                done.leave()
            }
        }
        done.wait()
        close(client)
        close(server)
    }

    private static func openSocket() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RelayError("socket", errno) }
        return fd
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    private static func withSocketAddress(_ address: inout sockaddr_in, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    }
}

/// A socket call failed.
struct RelayError: Error, CustomStringConvertible {
    var call: String
    var code: Int32
    init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }
    var description: String { "\(call) failed: errno \(code)" }
}
