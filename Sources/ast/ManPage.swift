import AstCommands
import AstRuntime
import AsteroidClient

/// `ast --generate-man`: the man page, generated from the command registry (the declarations `help`
/// prints) and the option table, so `man ast` cannot drift from the binary. `scripts/install` writes it.
enum ManPage {
    static func render(registry: Registry = APICommands.registry) -> String {
        var out = [
            ".TH AST 1 \"\" \"ast \(AsteroidClientVersion.current)\" \"User Commands\"",
            ".SH NAME", "ast \\- a shell and scripting language for the Asteroid Agents API",
            ".SH SYNOPSIS",
            ".B ast", "[\\fIOPTIONS\\fR] [\\fIFILE.ast\\fR [\\fIARGS\\fR...]]", ".br",
            ".B ast", "[\\fIOPTIONS\\fR] \\fB\\-c\\fR \\fIPIPELINE\\fR [\\fIARGS\\fR...]", ".br",
            ".B ast", "sandbox|config|completions ...",
            ".SH DESCRIPTION",
            text(
                "With no FILE at a terminal, ast starts the interactive prompt (`help` lists the commands, `history` "
                    + "the last entries). A script can also come on stdin. Pipelines pass records from one command to "
                    + "the next, e.g. `list status=failed since=24h | each -p 8 rerun`. With no ASTEROID_API_KEY and "
                    + "no profile, the prompt runs on a local sandbox."
            ),
            ".SH OPTIONS",
        ]
        for entry in OptionTable.entries {
            out.append(".TP")
            out.append(
                "\\fB" + entry.names.map(escape).joined(separator: "\\fR, \\fB") + "\\fR"
                    + (entry.argument.map { " \\fI\($0)\\fR" } ?? ""))
            out.append(text(entry.help + (entry.choices.isEmpty ? "" : ": " + entry.choices.joined(separator: ", "))))
        }
        out.append(".SH SUBCOMMANDS")
        for sub in OptionTable.subcommands {
            out += [".TP", "\\fB\(sub.name)\\fR", text(sub.help)]
        }
        out.append(".SH COMMANDS")
        out.append(
            text(
                "Each command reads records from its input and writes records to its output. `help COMMAND` at the "
                    + "prompt shows the same."
            ))
        var byCategory: [String: [Signature]] = [:]
        for name in registry.names {
            if let s = registry.lookup(name)?.signature { byCategory[s.category, default: []].append(s) }
        }
        let order = ["api", "filters", "aggregates", "output", "files", "session"]
        for category in order + byCategory.keys.filter({ !order.contains($0) }).sorted() {
            guard let signatures = byCategory[category] else { continue }
            out.append(".SS \(category)")
            for s in signatures { out += command(s) }
        }
        out += [
            ".SH FILES",
            ".TP", "\\fI$XDG_CONFIG_HOME/ast/config.toml\\fR (default \\fI~/.config/ast/config.toml\\fR)",
            text(
                "Profiles: [profiles.NAME] with base-url, key-command, key-env, key (only in a file of mode 0600), "
                    + "org, confirm (bulk, always, never), format, color; default-profile names the one used when "
                    + "neither --profile nor AST_PROFILE does. `ast config` shows what is in force."
            ),
            ".TP", "\\fI$XDG_CONFIG_HOME/ast/init.ast\\fR",
            text("Run before the interactive prompt (definitions and settings stay); -X skips it."),
            ".TP", "\\fI$XDG_STATE_HOME/ast/history\\fR (default \\fI~/.local/state/ast/history\\fR)",
            text("The prompt's history (`history`, `history N`)."),
            ".SH ENVIRONMENT",
            ".TP", "\\fBASTEROID_API_KEY\\fR",
            text("The API key (a profile's key-command, key-env or key wins over it)."),
            ".TP", "\\fBASTEROID_BASE_URL\\fR", text("The API (default https://odyssey.asteroid.ai/agents/v2)."),
            ".TP", "\\fBAST_PROFILE\\fR", text("The profile to use when --profile is not given."),
            ".TP", "\\fBNO_COLOR\\fR", text("No colours."),
            ".TP", "\\fBPAGER\\fR",
            text("The pager for results taller than the terminal at the prompt (set pager off to disable)."),
            ".SH EXIT STATUS",
            text(
                "0 ok, 1 runtime error, 2 usage or syntax error, N from `exit N`, 130 interrupted (Ctrl-C), 143 "
                    + "terminated (SIGTERM)."
            ),
            ".SH SEE ALSO", text("The docs/ folder of the source: language.md, install.md, sandbox.md."),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    static func command(_ s: Signature) -> [String] {
        var out = [
            ".TP", "\\fB" + escape(s.usage) + "\\fR", text(s.summary + (s.isMutating ? " (changes executions)" : "")),
        ]
        for p in s.positionals + (s.rest.map { [$0] } ?? []) {
            out += [".br", text("\(p.name.uppercased()): \(p.help)\(p.required ? " (required)" : "")")]
        }
        for p in s.named {
            out += [
                ".br",
                text(
                    "\(p.name)=: \(p.help)"
                        + (p.choices.isEmpty ? "" : " (one of: \(p.choices.joined(separator: ", ")))")),
            ]
        }
        for f in s.flags {
            out += [".br", text("--\(f.name)\(f.short.map { ", -\($0)" } ?? ""): \(f.help)")]
        }
        for example in s.examples.prefix(2) {
            out += [".br", "\\fB" + escape(example.code) + "\\fR \\- " + escape(example.description)]
        }
        return out
    }

    /// A paragraph of roff text: backslashes and hyphens escaped, a leading dot or quote neutralised.
    static func text(_ s: String) -> String {
        let escaped = escape(s)
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    }
}
