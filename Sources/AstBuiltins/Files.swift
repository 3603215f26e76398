import AstRuntime
import Foundation

/// `save PATH`: writes the input to a file; the format follows the extension (.json, .jsonl, .csv),
/// text is written as it is.
struct SaveCommand: Command {
    let signature = Signature(
        "save", "write the input to a file (.json, .jsonl, .csv, or text)", category: "files",
        positionals: [ParamSpec("path", .string, "the file to write", required: true)],
        flags: [FlagSpec("append", short: "a", "append instead of replacing")],
        examples: [Example("list status=failed | save failed.csv", "export executions as CSV", result: nil)],
        effects: [.files])

    func run(_ call: Invocation) async throws -> Value {
        guard let path = call.positional(0)?.stringValue else { throw call.error("save needs a path") }
        let value = try await call.input.materialized()
        let text: String
        switch (value, (path as NSString).pathExtension.lowercased()) {
        case (.string(let s), _): text = s
        case (_, "csv"): text = CSV.encode(value)
        case (.list(let items), "jsonl"): text = items.map { JSONText.encode($0) }.joined(separator: "\n")
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
            throw call.error("cannot write \(path): \(FileWriteProblem.reason(for: path, error: error))", argument: "path")
        }
        return .null
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
                return .list(try text.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
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
