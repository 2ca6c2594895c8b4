#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and standard error, written unbuffered with every failure reported: a full
/// disk behind `>`, a closed pipe or `/dev/full` is an error, never a silent loss.
public enum StandardStream: Sendable {
    case output, error

    var descriptor: Int32 { self == .output ? 1 : 2 }
    var name: String { self == .output ? "standard output" : "standard error" }

    public func write(_ text: String) throws(OutputError) {
        if let injected = OutputFaults.check(self == .output ? "stdout" : "stderr") {
            throw OutputError(path: name, action: "write", reason: .system(injected))
        }
        if let failure = writeAll(descriptor, Array(text.utf8)) {
            throw OutputError(path: name, action: "write", reason: .system(failure))
        }
    }

    public func write(bytes: [UInt8]) throws(OutputError) {
        if let injected = OutputFaults.check(self == .output ? "stdout" : "stderr") {
            throw OutputError(path: name, action: "write", reason: .system(injected))
        }
        if let failure = writeAll(descriptor, bytes) {
            throw OutputError(path: name, action: "write", reason: .system(failure))
        }
    }

    /// Writes and ignores a failure: for standard error, where a failure has nowhere to be told.
    public func writeBestEffort(_ text: String) {
        try? write(text)
    }
}
