import AsteroidModels
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Bytes that are not HTTP never reach the router: HummingbirdCore answers them itself with an empty
/// `400` and `Connection: close`. This outbound handler (in each connection's pipeline, after the HTTP
/// codec) gives that answer the API's JSON error body. It looks at each response head (a status and two
/// header comparisons); the router's own answers always carry a body, so none of them matches.
final class ParseErrorBodyHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let body: ByteBuffer = {
        let message = "Bad request: the request is not valid HTTP/1.1."
        let error = ErrorBody(
            code: 400, message: message, type: "about:blank", title: "Bad Request", status: 400, detail: message,
            instance: nil, errors: [.init(parameter: "request", detail: "not valid HTTP/1.1")])
        return ByteBuffer(bytes: (try? AsteroidJSON.makeEncoder().encode(error)) ?? Data(message.utf8))
    }()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status == .badRequest,
            head.headerFields[.contentLength] == "0", head.headerFields[.connection] == "close"
        else {
            context.write(data, promise: promise)
            return
        }
        head.headerFields[.contentLength] = String(Self.body.readableBytes)
        head.headerFields[.contentType] = "application/json; charset=utf-8"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(Self.body)), promise: promise)
    }
}
