import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Per-connection deadlines the HTTP server enforces below the router:
///
/// - **headers**: a request's headers must arrive within `headerTimeout` of the connection opening (or of the
///   previous response going out), so a client trickling a header byte at a time is cut off;
/// - **read**: a request's headers and body must arrive within `readTimeout` of the connection opening or the
///   previous response;
/// - after a response carrying `Connection: close` (a refusal sent before the body was read), the connection's
///   output is closed, so the client stops sending; the rest of its body is discarded until the read deadline.
///
/// Idle connections (nothing said between requests or mid-body) are closed by Hummingbird's own idle timeout.
final class ConnectionDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headerTimeout: TimeAmount
    private let readTimeout: TimeAmount
    private var headerDeadline: Scheduled<Void>?
    private var readDeadline: Scheduled<Void>?
    private var closeAfterResponse = false

    /// - Parameters:
    ///   - headerTimeout: time allowed for a request's headers.
    ///   - readTimeout: time allowed for a whole request.
    init(headerTimeout: TimeAmount, readTimeout: TimeAmount) {
        self.headerTimeout = headerTimeout
        self.readTimeout = readTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { armForNextRequest(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        armForNextRequest(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelAll()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelAll()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headerDeadline?.cancel()
            headerDeadline = nil
        case .body:
            break
        case .end:
            readDeadline?.cancel()
            readDeadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            closeAfterResponse = head.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            if closeAfterResponse {
                context.writeAndFlush(data, promise: promise)
                context.close(mode: .output, promise: nil)
                // The client may go on sending its refused body: it is discarded, until the read deadline at most.
                if readDeadline == nil { readDeadline = schedule(context, readTimeout) }
            } else {
                context.write(data, promise: promise)
                armForNextRequest(context)
            }
        }
    }

    /// Starts the header and read deadlines of the request to come.
    private func armForNextRequest(_ context: ChannelHandlerContext) {
        cancelAll()
        headerDeadline = schedule(context, headerTimeout)
        readDeadline = schedule(context, readTimeout)
    }

    private func schedule(_ context: ChannelHandlerContext, _ timeout: TimeAmount) -> Scheduled<Void> {
        let channel = context.channel
        return context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    private func cancelAll() {
        headerDeadline?.cancel()
        readDeadline?.cancel()
        headerDeadline = nil
        readDeadline = nil
    }
}
