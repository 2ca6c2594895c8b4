import EDXOutput

/// Writes to standard error, where a failure has nowhere else to be told (diagnostics, progress).
/// Standard output goes through ``Output``, which reports every failure.
enum FileHandle {
    case standardError

    func write(_ text: String) {
        StandardStream.error.writeBestEffort(text)
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
