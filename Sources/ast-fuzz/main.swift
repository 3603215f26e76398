// ast-fuzz: bounded fuzzing of the language (lexer, parser, checker, evaluator) and of the sandbox (malformed
// requests driven in-process). `scripts/fuzz` runs both modes; a crash, a hang or (for requests) a 5xx fails
// the run and the input is saved under the output folder. docs/reliability.md has the figures.
//
//   ast-fuzz programs [--count N] [--seconds S] [--seed N] [--out DIR]
//   ast-fuzz requests [--count N] [--seconds S] [--seed N] [--out DIR]
//   ast-fuzz regex-bench   (the cost of `=~` against the ICU engine it replaced)
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "programs": exit(await ProgramFuzzer.main(Array(arguments.dropFirst())))
case "requests": exit(await RequestFuzzer.main(Array(arguments.dropFirst())))
case "regex-bench": exit(RegexBench.main())
default:
    FileHandle.standardError.write(
        Data("usage: ast-fuzz programs|requests [--count N] [--seconds S] [--seed N] [--out DIR]\n".utf8))
    exit(2)
}
