#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inputs that can be read only once (`-` for standard input, a pipe, a FIFO, a device such as
/// `/dev/stdin` or the `<(…)` of a shell), copied into a private temporary file so that the
/// importer can read them like any file: it reads a file twice (once to detect the format).
///
/// The copy is made with mode 0600 in `$TMPDIR` (or `/tmp`) and removed when the ``Spooled`` value
/// is released; it holds at most ``limit`` bytes.
public enum InputSpool {
    /// The most a pipe may carry: 4 GiB, far above any export, so that a runaway producer cannot
    /// fill the disk.
    public static let limit = 4 << 30

    /// A readable path for `path`.
    public final class Spooled: Sendable {
        /// The path to read.
        public let path: String
        let temporary: Bool

        init(path: String, temporary: Bool) {
            self.path = path
            self.temporary = temporary
        }

        deinit {
            if temporary { unlink(path) }
        }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var input: String
        public var reason: String
        public var description: String { "\(input): cannot read: \(reason)" }
    }

    /// True for `-` and for anything that is neither a regular file nor a folder (and exists).
    public static func needsSpooling(_ path: String) -> Bool {
        if path == "-" { return true }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    /// `path` itself for a file, or a temporary copy of what the pipe or device gives.
    public static func prepare(_ path: String) throws(Failure) -> Spooled {
        guard needsSpooling(path) else { return Spooled(path: path, temporary: false) }
        let source = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw Failure(input: path, reason: String(cString: strerror(errno))) }
        defer { if source != 0 { close(source) } }
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((folder + "/edx-input-XXXXXX").utf8CString)
        let target = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard target >= 0 else {
            throw Failure(input: path, reason: "no temporary file for the copy: \(String(cString: strerror(errno)))")
        }
        let copy = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let spooled = Spooled(path: copy, temporary: true)
        defer { close(target) }
        fchmod(target, 0o600)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(input: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
            guard total <= limit else {
                throw Failure(input: path, reason: "more than \(limit >> 30) GiB; save it to a file first")
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(target, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(
                        input: path, reason: "the temporary copy failed: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        return spooled
    }
}
