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
        server: .http1(additionalChannelHandlers: [ParseErrorBodyHandler()]),
        configuration: .init(
            address: .hostname(services.config.host, port: services.config.port), serverName: "ast-sandbox"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: services.logger)
    if services.runsOwnLoop { app.addServices(LifecycleService(engine: services.engine)) }
    return app
}

func buildRouter(_ services: SandboxServices) -> Router<BasicRequestContext> {
    // HEAD on every GET route answers the GET's status and headers without the body.
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Router middlewares apply to the routes added after them, and Hummingbird wraps its not-found answer
    // in all of them, so anything under or outside the prefix keeps the contract. The contract middleware
    // reads the route table, filled in as the routes register below.
    let routes = RouteTableBox()
    router.add(middleware: RequestLogMiddleware(logger: services.logger, enabled: services.config.logRequests))
    router.add(middleware: ErrorContractMiddleware(routes: routes, logger: services.logger))
    // Authentication comes before fault injection: a request without a valid key cannot inject a fault.
    let api = RecordingGroup(
        router.group("agents/v2")
            .add(middleware: AuthMiddleware(apiKey: services.config.apiKey))
            .add(
                middleware: FaultMiddleware(
                    spec: services.config.faults, dice: services.faults, notifier: services.notifier,
                    waitLimit: services.config.waitLimit)))
    ExecutionReadRoutes(services: services).register(on: api)
    ExecutionControlRoutes(services: services).register(on: api)
    RunRoutes(services: services).register(on: api)
    AgentAndFileRoutes(services: services).register(on: api)
    ResourceRoutes(services: services).register(on: api)
    IdentityRoutes(services: services).register(on: router)
    StorageRoutes(services: services).register(on: router)
    routes.table = api.table
    return router
}
