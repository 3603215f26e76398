import ServiceLifecycle

/// Runs the lifecycle loop alongside the HTTP server; stops on graceful shutdown.
struct LifecycleService: Service {
    let engine: LifecycleEngine

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await engine.run()
        }
    }
}
