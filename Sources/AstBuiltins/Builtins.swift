import AstRuntime

/// The registration table of the pure data commands.
package enum Builtins {
    package static let all: [any Command] =
        [
            WhereCommand(), EachCommand(), SelectCommand(), SortByCommand(), ReverseCommand(), FirstCommand(),
            LastCommand(), SkipCommand(), CountCommand(), GroupByCommand(), UniqCommand(), FlattenCommand(),
            Aggregate(kind: .sum), Aggregate(kind: .avg), Aggregate(kind: .min), Aggregate(kind: .max),
            TableCommand(), JSONCommand(), JSONLinesCommand(), CSVCommand(), PrintCommand(),
            HelpCommand(), AssertCommand(),
            // time and conversions (issue 13)
            AgoCommand(), LocalCommand(), FormatTimeCommand(), DayStartCommand(daysBack: 0),
            DayStartCommand(daysBack: 1),
            TruncateTimeCommand(), IntoCommand(),
        ] + standardLibrary

    /// The standard library (docs/language.md, "Standard library"): strings, lists, records, conversions,
    /// math and aggregates.
    static let standardLibrary: [any Command] = [
        StringTransform(kind: .upper), StringTransform(kind: .lower), StringTransform(kind: .trim),
        StringTransform(kind: .lines), SplitCommand(), JoinCommand(), ReplaceCommand(), AffixTest(kind: .starts),
        AffixTest(kind: .ends), ContainsCommand(), LengthCommand(), SubstringCommand(), PadCommand(kind: .left),
        PadCommand(kind: .right),
        EnumerateCommand(), RangeCommand(), ZipCommand(), AppendCommand(), Quantifier(kind: .any),
        Quantifier(kind: .all), ReduceCommand(), UniqByCommand(), ChunksCommand(),
        RecordParts(kind: .keys), RecordParts(kind: .values), RecordParts(kind: .entries), MergeCommand(),
        FieldChange(kind: .insert), FieldChange(kind: .update), FieldChange(kind: .remove), HasCommand(),
        FromCommand(), ToCommand(),
        MathCommand(kind: .round), MathCommand(kind: .floor), MathCommand(kind: .ceil), MathCommand(kind: .abs),
        CountByCommand(), PercentileCommand(fixed: nil), PercentileCommand(fixed: 50), PercentileCommand(fixed: 90),
        PercentileCommand(fixed: 95), PercentileCommand(fixed: 99), HistogramCommand(),
    ]

    package static var registry: Registry { Registry(all) }
}
