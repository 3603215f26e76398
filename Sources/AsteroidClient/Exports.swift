// A program that only wants the typed client imports `AsteroidClient` alone: the wire models
// (`Execution`, `ListExecutionsQuery`, `ExecuteRequest`…) come with it.
@_exported import AsteroidModels
