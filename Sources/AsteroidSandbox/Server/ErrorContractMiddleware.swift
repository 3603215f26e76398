import Hummingbird
import Logging

/// Keeps the error contract for every request, whatever reached it: each error leaves as the API's JSON
/// `{code, message}` (`SandboxError`). Hummingbird's own errors (no route: 404, or 405 with `Allow` when the
/// path is served with other methods; 413 for a body past the limit; 400 for what it could not parse) are
/// mapped here; anything that is not an HTTP error is logged and answered with a JSON 500. OPTIONS on a
/// served path answers 204 with `Allow`. It wraps the router, so it also sees requests no route matched;
/// successful requests pay one method comparison.
struct ErrorContractMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTableBox
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if request.method == .options { return try options(request) }
        if request.method == .head {
            // An error to a HEAD request keeps its status and headers and loses its body, like a GET's answer.
            do {
                return try await contract(request, context: context, next: next)
            } catch let error as any HTTPResponseError {
                return try error.response(from: request, context: context).createHeadResponse()
            }
        }
        return try await contract(request, context: context, next: next)
    }

    func contract(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as SandboxError {
            throw error
        } catch let error as InjectedReset {
            throw error
        } catch let error as HTTPError {
            throw mapped(error.status, error.body, request)
        } catch let error as any HTTPResponseError {
            throw mapped(error.status, nil, request)
        } catch {
            logger.error("\(request.method) \(request.uri.path): \(String(reflecting: error))")
            throw SandboxError(.internalServerError, "Internal sandbox error: the request could not be completed.")
        }
    }

    func options(_ request: Request) throws -> Response {
        let methods = routes.table.methods(at: request.uri.path)
        guard !methods.isEmpty else { throw notFound(request) }
        return Response(status: .noContent, headers: [.allow: RouteTable.allow(methods)])
    }

    func notFound(_ request: Request) -> SandboxError {
        SandboxError(.notFound, "Not found: no operation \(request.method) \(request.uri.path.prefix(200)).")
    }

    func mapped(_ status: HTTPResponse.Status, _ detail: String?, _ request: Request) -> SandboxError {
        switch status.code {
        case 404:
            let methods = routes.table.methods(at: request.uri.path)
            guard !methods.isEmpty else { return notFound(request) }
            var error = SandboxError(
                .methodNotAllowed,
                "Method not allowed: \(request.uri.path.prefix(200)) "
                    + "takes \(methods.map(\.rawValue).joined(separator: ", ")), not \(request.method)."
            )
            error.headers[.allow] = RouteTable.allow(methods)
            return error
        case 413:
            return SandboxError(.contentTooLarge, "Request body too large for this operation.")
        case 400:
            return SandboxError.badRequest("request", detail ?? "the request could not be parsed")
        default:
            return SandboxError(status, detail ?? "\(status.code) \(SandboxError.title(status.code)).")
        }
    }
}
