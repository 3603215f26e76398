import AstRuntime

/// The registration table of the pure data commands.
package enum Builtins {
    package static let all: [any Command] = [
        WhereCommand(), EachCommand(), SelectCommand(), SortByCommand(), ReverseCommand(), FirstCommand(),
        LastCommand(), SkipCommand(), CountCommand(), GroupByCommand(), UniqCommand(), FlattenCommand(),
        Aggregate(kind: .sum), Aggregate(kind: .avg), Aggregate(kind: .min), Aggregate(kind: .max),
        TableCommand(), JSONCommand(), JSONLinesCommand(), CSVCommand(), PrintCommand(), SaveCommand(), OpenCommand(),
        HelpCommand(), SetCommand(), SleepCommand(), AssertCommand(), SourceCommand(), VersionCommand(),
        // time and conversions (issue 13)
        AgoCommand(), LocalCommand(), FormatTimeCommand(), DayStartCommand(daysBack: 0), DayStartCommand(daysBack: 1),
        TruncateTimeCommand(), IntoCommand(),
        HistoryPromptCommand(),
    ]

    package static var registry: Registry { Registry(all) }

    package static var version: String { VersionCommand.version }
}
