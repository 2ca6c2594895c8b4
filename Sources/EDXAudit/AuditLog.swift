import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only audit log: a JSON Lines file whose entries are chained by SHA-256 (docs/audit.md).
///
/// Appending is safe between threads and processes: each append takes an exclusive `flock(2)` on
/// the file, reads the last entry from the end of the file, writes one line and flushes it to disk
/// before letting go. The log is only ever opened for appending, so it may carry the append-only
/// attribute (`chattr +a`).
package struct AuditLog: Sendable {
    /// The file of the log.
    package let path: String

    /// The longest line read back (64 MiB); an entry is a few hundred bytes per file it names.
    package static let maximumLineBytes = 64 << 20

    package init(path: String) {
        self.path = path
    }

    /// Appends an entry for `draft`, adding its sequence number, the time, the user and host, and the
    /// hash of the entry before it. Creates the log (mode 0600) when it does not exist.
    ///
    /// - Returns: The entry as written.
    /// - Throws: ``AuditError`` naming the log when something other than a regular file is at its
    ///   path (a symbolic link, FIFO, device or folder), when its last line is not a complete entry,
    ///   or when it cannot be opened, locked, read, written or flushed.
    @discardableResult
    package func append(_ draft: AuditDraft) throws(AuditError) -> AuditEntry {
        try append(draft, time: SystemIdentity.now(), user: SystemIdentity.user(), host: SystemIdentity.host())
    }

    /// ``append(_:)`` with the facts of the process given (for tests).
    func append(_ draft: AuditDraft, time: String, user: String, host: String?) throws(AuditError) -> AuditEntry {
        // lstat names what is there; O_NOFOLLOW and fstat close the gap until open.
        try POSIX.refuseNonRegularEntry(at: path)
        // Read and write on one descriptor, so the last line is read from the file that is locked and
        // appended to. O_APPEND puts every write at the end; O_NONBLOCK keeps a FIFO that appears in
        // the meantime from blocking the open.
        let flags = O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw AuditError(path: path, reason: .notARegularFile(kind: "a symbolic link")) }
            throw AuditError(path: path, reason: .cannotOpen(detail: POSIX.lastError))
        }
        defer { close(descriptor) }
        try POSIX.requireRegularFile(descriptor: descriptor, path: path)

        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AuditError(path: path, reason: .cannotLock(detail: POSIX.lastError)) }
        }
        defer { flock(descriptor, LOCK_UN) }

        // The size under the lock: other appenders have finished.
        let size = try POSIX.requireRegularFile(descriptor: descriptor, path: path)
        let last = try lastEntry(descriptor: descriptor, size: size)
        let entry = AuditEntry(
            sequence: (last?.sequence ?? 0) + 1, time: time, user: user, host: host, draft: draft,
            previous: last?.hash ?? AuditEntry.genesis)
        do {
            try POSIX.writeAll(descriptor: descriptor, entry.line + [UInt8(ascii: "\n")], path: path)
        } catch {
            // Leave no partial line behind (refused on an append-only file, which keeps the torn line).
            _ = ftruncate(descriptor, off_t(size))
            throw error
        }
        guard fsync(descriptor) == 0 else { throw AuditError(path: path, reason: .cannotSync(detail: POSIX.lastError)) }
        if size == 0 { POSIX.syncFolder(of: path) }
        return entry
    }

    /// The last entry of the open log of `size` bytes, or nil when the log is empty.
    private func lastEntry(descriptor: Int32, size: Int) throws(AuditError) -> AuditEntry? {
        guard let line = try lastLine(descriptor: descriptor, size: size) else { return nil }
        guard let entry = try? JSONDecoder().decode(AuditEntry.self, from: Data(line)),
            entry.sequence >= 1, SHA256Hex.isDigest(entry.hash)
        else {
            throw AuditError(path: path, reason: .damagedTail(detail: "the last line is not an audit entry"))
        }
        return entry
    }

    /// The bytes of the last line without its newline, read backwards in 64 KiB steps so that a long
    /// log is not loaded; nil when the log is empty.
    private func lastLine(descriptor: Int32, size: Int) throws(AuditError) -> [UInt8]? {
        guard size > 0 else { return nil }
        let newline = UInt8(ascii: "\n")
        guard try POSIX.readExactly(descriptor: descriptor, count: 1, at: size - 1, path: path) == [newline] else {
            let detail = "the last line has no newline at its end (an interrupted write, or the file was cut)"
            throw AuditError(path: path, reason: .damagedTail(detail: detail))
        }
        var chunks: [[UInt8]] = []
        var position = size - 1
        while position > 0 {
            let step = min(64 << 10, position)
            let chunk = try POSIX.readExactly(descriptor: descriptor, count: step, at: position - step, path: path)
            if let start = chunk.lastIndex(of: newline) {
                chunks.append(Array(chunk[(start + 1)...]))
                break
            }
            chunks.append(chunk)
            position -= step
            if size - 1 - position > Self.maximumLineBytes {
                let detail = "the last line is longer than \(Self.maximumLineBytes >> 20) MiB"
                throw AuditError(path: path, reason: .damagedTail(detail: detail))
            }
        }
        return chunks.reversed().flatMap { $0 }
    }
}
