// A host imports `AstEngine` alone: the client configuration (`ClientConfiguration`, `RetryPolicy`) and the
// transport seam (`AsteroidTransport`) come with it, as the wire models come with the client.
@_exported import AsteroidClient
