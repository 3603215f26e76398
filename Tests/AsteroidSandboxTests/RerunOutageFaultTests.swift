import AsteroidSandbox
import Testing

@Suite("--faults reruns-STATUS:DURATION: a rerun outage from the server's start")
struct RerunOutageFaultTests {
    @Test("parses a status and a duration; rejects a non-error status, a long or malformed duration")
    func parsing() throws {
        let spec = try FaultSpec(parsing: "reruns-503:5s,latency:10ms")
        #expect(spec.rerunOutage == FaultSpec.RerunOutage(status: 503, ms: 5000))
        #expect(!spec.isEmpty)
        #expect(try FaultSpec(parsing: "reruns-400:250ms").rerunOutage?.ms == 250)
        for bad in ["reruns-200:5s", "reruns-503:2m", "reruns-503:-1s", "reruns-reset:1s", "reruns-503:61s"] {
            #expect(throws: FaultSpecError.self, "\(bad)") { try FaultSpec(parsing: bad) }
        }
    }
}
