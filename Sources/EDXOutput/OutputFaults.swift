import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Faults injected into the output layer, for tests of what edx does when a write fails (a full
/// disk, a read-only folder, a closed standard output) without needing that state on the machine.
///
/// Set in-process with ``install(_:)``, or for a whole `edx` process with the environment variable
/// `EDX_TEST_OUTPUT_FAULT=ERRNO[:PLACE][:after=N]`: `ERRNO` is `ENOSPC`, `EACCES`, `EROFS`, `EIO`,
/// `EDQUOT` or `EPIPE`; `PLACE` is a text the path must contain (`stdout` for standard output);
/// the first `N` matching writes succeed and every later one fails.
public struct OutputFault: Sendable, Hashable {
    public var errorNumber: Int32
    /// Only paths containing this text fail (`stdout` names standard output); `nil`: every path.
    public var place: String?
    /// How many matching writes succeed before the fault starts.
    public var after: Int

    public init(errorNumber: Int32, place: String? = nil, after: Int = 0) {
        self.errorNumber = errorNumber
        self.place = place
        self.after = after
    }

    static let names: [String: Int32] = [
        "ENOSPC": ENOSPC, "EACCES": EACCES, "EROFS": EROFS, "EIO": EIO, "EDQUOT": EDQUOT, "EPIPE": EPIPE,
    ]

    /// Parses `ENOSPC:reports/:after=3`.
    public init?(specification: String) {
        let parts = specification.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, let number = Self.names[first] else { return nil }
        self.init(errorNumber: number)
        for part in parts.dropFirst() {
            if part.hasPrefix("after="), let count = Int(part.dropFirst("after=".count)), count >= 0 {
                after = count
            } else if !part.isEmpty {
                place = part
            }
        }
    }
}

public enum OutputFaults {
    private static let state = Mutex<(fault: OutputFault?, matched: Int, loaded: Bool)>((nil, 0, false))

    /// Installs `fault` (or removes the current one with `nil`) for this process.
    public static func install(_ fault: OutputFault?) {
        state.withLock { $0 = (fault, 0, true) }
    }

    /// The `errno` a write to `path` must fail with, if a fault applies to it.
    static func check(_ path: String) -> Int32? {
        state.withLock { current in
            if !current.loaded {
                current.loaded = true
                if let text = getenv("EDX_TEST_OUTPUT_FAULT") {
                    current.fault = OutputFault(specification: String(cString: text))
                }
            }
            guard let fault = current.fault else { return nil }
            if let place = fault.place, !path.contains(place) { return nil }
            current.matched += 1
            return current.matched > fault.after ? fault.errorNumber : nil
        }
    }
}
