#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files edx writes: only regular files it creates, each complete or not there at all.
///
/// - A path that holds a device, a FIFO, a socket, a symbolic link or a folder is refused: edx never
///   replaces (or writes through) anything that is not a regular file.
/// - The content goes to a temporary beside the target, named `.edx-partial-` and 16 random hex
///   digits (no study id or patient name in it), created with `O_EXCL | O_NOFOLLOW`, synced to disk,
///   then renamed over the target in one step: a reader, a killed run or a full disk never leaves
///   half a file under the target's name.
/// - Every failed system call is reported with the path and the reason, and leaves no temporary.
public enum OutputFile {
    /// The prefix of the temporaries written beside a target.
    public static let temporaryPrefix = ".edx-partial-"

    /// Writes `text` to `path`, replacing a regular file that is there.
    public static func write(_ text: String, to path: String, mode: UInt32 = 0o644) throws(OutputError) {
        let staged = try StagedOutput(path: path, mode: mode)
        try staged.append(text)
        try staged.commit()
    }

    /// Writes `bytes` to `path`, replacing a regular file that is there.
    public static func write(bytes: [UInt8], to path: String, mode: UInt32 = 0o644) throws(OutputError) {
        let staged = try StagedOutput(path: path, mode: mode)
        try staged.append(bytes: bytes)
        try staged.commit()
    }

    /// Refuses a target that exists and is not a regular file.
    public static func checkTarget(_ path: String, action: String = "write") throws(OutputError) {
        guard let kind = FileKind.at(path), kind != .regular else { return }
        throw OutputError(path: path, action: action, reason: .notRegularFile(kind))
    }

    /// Creates `path` and its missing parents as folders; a folder (or a link to one) that is
    /// already there is fine, anything else is refused.
    public static func createFolder(_ path: String) throws(OutputError) {
        if let kind = FileKind.following(path) {
            guard kind == .folder else {
                throw OutputError(
                    path: path, action: "create the folder",
                    reason: kind == .regular ? .notAFolder : .notRegularFile(kind))
            }
            return
        }
        let parent = folder(of: path)
        if parent != path, parent != ".", parent != "/" { try createFolder(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw OutputError(path: path, action: "create the folder", reason: .system(errno))
        }
    }

    /// Removes the temporaries a killed run left in `folder` (call it only while holding the
    /// folder's ``FolderLock``, so that no live run's temporaries are removed). Returns how many.
    @discardableResult
    public static func removeTemporaries(in folder: String) -> Int {
        guard let directory = opendir(folder) else { return 0 }
        defer { closedir(directory) }
        var removed = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(temporaryPrefix) else { continue }
            if unlink(folder + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }

    /// The folder part of `path` (`.` for a bare name).
    public static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let head = trimmed[..<slash]
        return head.isEmpty ? "/" : String(head)
    }
}

/// A file written in pieces through a temporary beside the target and renamed into place by
/// ``commit()``; dropped without a commit, it leaves nothing behind.
public final class StagedOutput {
    public let path: String
    let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false

    /// Creates the temporary for `path`; refuses a target that is not a regular file.
    public init(path: String, mode: UInt32 = 0o644) throws(OutputError) {
        self.path = path
        try OutputFile.checkTarget(path)
        let random = UInt64.random(in: 0...UInt64.max)
        let digits = String(random, radix: 16)
        temporary =
            OutputFile.folder(of: path) + "/" + OutputFile.temporaryPrefix
            + String(repeating: "0", count: 16 - digits.count) + digits
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw OutputError(path: path, action: "write", reason: .system(errno)) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if !finished { discard() }
    }

    /// Adds `text`; written to disk in 1 MiB pieces.
    public func append(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try drain() }
    }

    public func append(bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try drain() }
    }

    /// Writes what is left, syncs it to disk and renames the temporary over the target.
    public func commit() throws(OutputError) {
        do throws(OutputError) {
            try drain()
            if fsync(descriptor) != 0 { throw OutputError(path: path, action: "write", reason: .system(errno)) }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { throw OutputError(path: path, action: "write", reason: .system(errno)) }
            try OutputFile.checkTarget(path)
            if rename(temporary, path) != 0 {
                throw OutputError(path: path, action: "write", reason: .system(errno))
            }
            finished = true
        } catch {
            discard()
            throw error
        }
    }

    /// Gives up: closes and removes the temporary.
    public func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        finished = true
    }

    private func drain() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        if let injected = OutputFaults.check(path) {
            throw OutputError(path: path, action: "write", reason: .system(injected))
        }
        if let failure = writeAll(descriptor, buffer) {
            throw OutputError(path: path, action: "write", reason: .system(failure))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes every byte to `descriptor`, retrying after interruptions; returns `errno` on failure.
func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBufferPointer { buffer -> Int32? in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            #else
                let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
