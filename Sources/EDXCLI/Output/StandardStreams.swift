import EDXOutput

/// Writes to standard error, where a failure has nowhere else to be told (diagnostics, progress).
/// Standard output goes through ``Output``, which reports every failure.
enum FileHandle {
    case standardError
    /// Unchecked standard output: only for text whose loss is harmless; reports and records go
    /// through ``Output``.
    case standardOutput

    func write(_ text: String) {
        (self == .standardError ? StandardStream.error : StandardStream.output).writeBestEffort(text)
    }
}

/// Standard output: every write is checked, and a failure (a full disk behind `>`, `/dev/full`, a
/// closed pipe) ends the command with exit code 4 and a message.
enum Output {
    static func write(_ text: String) throws(OutputError) {
        try StandardStream.output.write(text)
    }

    static func write(bytes: [UInt8]) throws(OutputError) {
        try StandardStream.output.write(bytes: bytes)
    }
}
