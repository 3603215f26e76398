import Foundation

/// Why a file could not be written, in our words (never Foundation's "The operation could not be completed").
enum FileWriteProblem {
    /// The reason `path` cannot be written, found by looking at the file system after a failed write.
    static func reason(for path: String, error: any Error) -> String {
        let fileManager = FileManager.default
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a directory"
        }
        if !fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            return "no such directory \(directory)"
        }
        if !isDirectory.boolValue { return "\(directory) is not a directory" }
        if fileManager.fileExists(atPath: path), !fileManager.isWritableFile(atPath: path) {
            return "permission denied"
        }
        if !fileManager.isWritableFile(atPath: directory) {
            return "permission denied (directory \(directory) is not writable)"
        }
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
            let message = strerror(Int32(posix.code)).map({ String(cString: $0) })
        {
            return message.lowercased()
        }
        return "the write failed (\(nsError.code))"
    }
}
