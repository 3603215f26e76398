/// The options of `ast`, as the man page and the shell completions list them. `Options.help` is the
/// text `--help` prints; a test checks that every option here appears there, so the two cannot drift.
enum OptionTable {
    struct Entry {
        /// Spellings, long first: `["--yes", "-y"]`.
        var names: [String]
        /// The value's placeholder (`FORMAT`), or nil for a switch.
        var argument: String?
        var help: String
        /// The values a completion offers for the argument.
        var choices: [String] = []
    }

    static let formats = ["auto", "table", "json", "jsonl", "csv", "text"]

    static let entries: [Entry] = [
        Entry(names: ["-c"], argument: "TEXT", help: "run TEXT as a script (the rest of the line becomes $args)"),
        Entry(names: ["--sandbox"], argument: nil, help: "run against an in-process local sandbox (no key needed)"),
        Entry(names: ["--dry-run"], argument: nil, help: "print each changing request instead of sending it"),
        Entry(names: ["--yes", "-y"], argument: nil, help: "do not ask before changing more than one execution"),
        Entry(
            names: ["--yes=PROFILE"], argument: nil,
            help:
                "like --yes, and also skip the question of a profile with confirm = \"always\" (must name the active "
                    + "profile)"
        ),
        Entry(
            names: ["--profile"], argument: "NAME",
            help: "use a profile of config.toml (else AST_PROFILE, else default-profile)"),
        Entry(
            names: ["--no-init", "-X"], argument: nil, help: "do not run the startup file init.ast before the prompt"),
        Entry(names: ["--format"], argument: "FORMAT", help: "output format", choices: formats),
        Entry(names: ["--no-color"], argument: nil, help: "no colours (NO_COLOR is honoured too)"),
        Entry(
            names: ["--verbose"], argument: nil,
            help: "print each API request with its status and time (set trace true)"),
        Entry(
            names: ["--log-format"], argument: "FORMAT",
            help: "events of watch and endless each on stderr: text (default) or json", choices: ["text", "json"]),
        Entry(names: ["--version"], argument: nil, help: "print the version"),
        Entry(names: ["--help", "-h"], argument: nil, help: "print the usage"),
    ]

    /// `ast sandbox`, `ast config`, `ast completions`.
    static let subcommands: [(name: String, help: String)] = [
        ("sandbox", "serve a local, stateful Asteroid Agents API (see ast sandbox --help)"),
        ("config", "show the settings in force, the key redacted (ast config [--profile NAME])"),
        ("completions", "print a completion script: ast completions bash|zsh|fish"),
    ]
}
