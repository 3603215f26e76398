/// Fuzzes the language: mutated golden scripts, generated programs, deep nestings and extreme literals.
enum ProgramFuzzer {
    static func main(_ arguments: [String]) async -> Int32 {
        print("ast-fuzz programs: not written yet")
        return 1
    }
}
