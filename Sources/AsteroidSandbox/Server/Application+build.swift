import AsteroidModels
import Foundation
import Hummingbird
import Logging

/// The sandbox as a Hummingbird application: every route under `/agents/v2`, behind request logging,
/// fault injection and API-key auth. The lifecycle loop runs as one of the application's services.
public func buildApplication(_ config: SandboxConfig) async throws -> some ApplicationProtocol {
    let services = try await SandboxServices(config)
    return buildApplication(services: services)
}

package func buildApplication(
    services: SandboxServices, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> Application<RouterResponder<BasicRequestContext>> {
    let router = buildRouter(services)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(services.config.host, port: services.config.port), serverName: "ast-sandbox"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: services.logger)
    if services.runsOwnLoop { app.addServices(LifecycleService(engine: services.engine)) }
    return app
}

func buildRouter(_ services: SandboxServices) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLogMiddleware(logger: services.logger, enabled: services.config.logRequests))
    let api = router.group("agents/v2")
    api.add(middleware: FaultMiddleware(spec: services.config.faults, dice: services.faults))
    api.add(middleware: AuthMiddleware(apiKey: services.config.apiKey))
    ExecutionReadRoutes(services: services).register(on: api)
    ExecutionControlRoutes(services: services).register(on: api)
    RunRoutes(services: services).register(on: api)
    AgentAndFileRoutes(services: services).register(on: api)
    // Anything else under the prefix: a JSON 404 like the API's, not an empty body.
    for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
        api.on("**", method: method) { request, _ -> Response in
            throw SandboxError(.notFound, "Not found: no operation \(request.method) \(request.uri.path).")
        }
    }
    return router
}
