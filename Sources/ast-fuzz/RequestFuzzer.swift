/// Fuzzes the sandbox in-process: malformed paths, query values, headers and bodies.
enum RequestFuzzer {
    static func main(_ arguments: [String]) async -> Int32 {
        print("ast-fuzz requests: not written yet")
        return 1
    }
}
