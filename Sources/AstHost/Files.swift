import AstRuntime
import AstSyntax
import Foundation

/// `save PATH`: writes the input to a file; the format follows the extension (.json, .jsonl, .csv),
/// text is written as it is.
struct SaveCommand: Command {
    let signature = Signature(
        "save", "write the input to a file (.json, .jsonl, .csv, or text)", category: "files",
        positionals: [ParamSpec("path", .string, "the file to write", required: true)],
        flags: [
            FlagSpec("append", short: "a", "add rows to a .csv (no second header) or .jsonl file, or text to a file")
        ],
        examples: [Example("list status=failed | save failed.csv", "export executions as CSV", result: nil)],
        effects: [.files])

    func run(_ call: Invocation) async throws -> Value {
        guard let path = call.positional(0)?.stringValue else { throw call.error("save needs a path") }
        let value = try await call.input.materialized()
        let fileExtension = (path as NSString).pathExtension.lowercased()
        let appending = call.flag("append")
        if appending, value.stringValue == nil, !["csv", "jsonl", "ndjson"].contains(fileExtension) {
            throw call.error(
                "save --append adds rows to .csv or .jsonl files; a .\(fileExtension.isEmpty ? "json" : fileExtension) "
                    + "file would hold two documents",
                argument: "path", help: "save the whole result at once, or append to a .jsonl file",
                code: DiagnosticCode.badArgument)
        }
        let text: String
        switch (value, fileExtension) {
        case (.string(let s), _): text = s
        case (_, "csv"):
            if appending, Self.hasContent(path), let header = Self.csvHeader(path) {
                // Rows added under the header the file has: no second header, the file's column order.
                let items: [Value]
                if case .list(let list) = value { items = list } else { items = [value] }
                let rows = items.map { item -> Value in
                    .record(
                        Record(
                            header.map {
                                ($0, item.recordValue?[$0] ?? (item.recordValue == nil && $0 == "value" ? item : .null))
                            }))
                }
                let encoded = CSV.encode(.list(rows))
                guard !items.isEmpty, let newline = encoded.firstIndex(of: "\n") else { return .null }
                text = String(encoded[encoded.index(after: newline)...])
            } else {
                text = CSV.encode(value)
            }
        case (.list(let items), "jsonl"), (.list(let items), "ndjson"):
            text = items.map { JSONText.encode($0) }.joined(separator: "\n")
        case (_, "jsonl"), (_, "ndjson"): text = JSONText.encode(value)
        default: text = JSONText.encode(value, pretty: true)
        }
        let data = Data((text.hasSuffix("\n") ? text : text + "\n").utf8)
        let url = URL(fileURLWithPath: path)
        do {
            if call.flag("append"), let handle = try? FileHandle(forWritingTo: url) {
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: url)
            }
        } catch {
            throw call.error(
                "cannot write \(path): \(FileWriteProblem.reason(for: path, error: error))", argument: "path")
        }
        return .null
    }

    /// The column names of a CSV file's first line.
    static func csvHeader(_ path: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 64 * 1024), as: UTF8.self)
        guard let line = head.split(separator: "\n", maxSplits: 1).first else { return nil }
        // The header line twice: decoded, one record whose keys are the columns.
        return CSV.decode(String(line) + "\n" + String(line) + "\n").first?.recordValue.map { Array($0.keys) }
    }

    static func hasContent(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0) > 0
    }
}

/// `open PATH`: reads a file; .json → value, .jsonl → list, .csv → list of records, else text.
struct OpenCommand: Command {
    let signature = Signature(
        "open", "read a file (.json, .jsonl, .csv, or text)", category: "files",
        positionals: [ParamSpec("path", .string, "the file to read", required: true)],
        flags: [FlagSpec("raw", "read as text whatever the extension")],
        examples: [Example("open failed.csv | count", "how many rows", result: nil)], effects: [.files])

    func run(_ call: Invocation) async throws -> Value {
        guard let path = call.positional(0)?.stringValue else { throw call.error("open needs a path") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw call.error("cannot read \(path): no such file", argument: "path")
        }
        if call.flag("raw") { return .string(String(decoding: data, as: UTF8.self)) }
        do {
            switch (path as NSString).pathExtension.lowercased() {
            case "json": return try JSONText.decode(data: data)
            case "jsonl", "ndjson":
                let text = String(decoding: data, as: UTF8.self)
                return .list(
                    try text.split(whereSeparator: \.isNewline).filter {
                        !$0.trimmingCharacters(in: .whitespaces).isEmpty
                    }
                    .map { try JSONText.decode(String($0)) })
            case "csv": return .list(CSV.decode(String(decoding: data, as: UTF8.self)))
            default: return .string(String(decoding: data, as: UTF8.self))
            }
        } catch let error as RuntimeError {
            throw call.error("\(path): \(error.diagnostic.message)", argument: "path")
        } catch {
            throw call.error("\(path): \(error)", argument: "path")
        }
    }
}
