import ArgumentParser
import AstEngine
import AsteroidSandbox
import Foundation
import Hummingbird
import NIOCore
import Testing

/// A host that imports our products beside Foundation, ArgumentParser and Hummingbird keeps their names unqualified.
/// Each of these lines was ambiguous (or silently ours) before the renames: `Operation` → `APIOperation`,
/// `ValidationError` → `RequestValidationError`, `RequestContext` → `ClientRequestContext`,
/// `Actor` → `TriggerActor`.
@Suite("Public surface: no name collides with Foundation, ArgumentParser, Hummingbird or the standard library")
struct PublicSurfaceTests {
    @Test("Foundation's Operation is Foundation's")
    func foundationOperation() {
        let operation: Operation = BlockOperation {}
        let queue = OperationQueue()
        queue.addOperations([operation], waitUntilFinished: true)
        #expect(operation.isFinished)
    }

    @Test("ArgumentParser's ValidationError is ArgumentParser's")
    func argumentParserValidationError() {
        let error = ValidationError("--port must be between 0 and 65535")
        #expect(error.message == "--port must be between 0 and 65535")
    }

    @Test("Hummingbird's RequestContext is Hummingbird's")
    func hummingbirdRequestContext() {
        func contextName<Context: RequestContext>(_: Context.Type) -> String { "\(Context.self)" }
        #expect(contextName(BasicRequestContext.self) == "BasicRequestContext")
    }

    @Test("the standard library's Actor protocol is the standard library's")
    func standardActor() {
        actor Counter { var count = 0 }
        let isolated: any Actor = Counter()
        #expect(isolated is Counter)
    }

    @Test("the renamed types are reachable through `import AstEngine` alone")
    func renamedTypes() {
        #expect(APIOperation.executionsList.description == "executions_list")
        #expect(RequestValidationError("page", "must be 1 or more").description == "invalid page: must be 1 or more")
        let context = ClientRequestContext(
            operation: .executionGet, attempt: 1, maxAttempts: 3, relativeTarget: "/executions/e-1")
        #expect(context.operation == .executionGet)
        #expect(TriggerActor(kind: .person, id: "p-1").id == "p-1")
    }
}
