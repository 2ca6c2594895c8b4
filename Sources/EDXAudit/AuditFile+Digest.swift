import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension AuditFile {
    /// The size of the reads that feed the digest: 1 MiB.
    static let readSize = 1 << 20

    /// Reads the file at `path` once, in 1 MiB reads, and returns its SHA-256 and size.
    ///
    /// A symbolic link is followed (inputs are often linked into place), but what it leads to must be
    /// a regular file: a FIFO or device would block or never end.
    ///
    /// - Parameters:
    ///   - path: The file to digest.
    ///   - recordPath: Whether the result keeps `path`; pass `false` in de-identified runs.
    /// - Returns: The file's digest and size, with `path` when `recordPath` is true.
    /// - Throws: ``AuditError`` naming the file when it cannot be opened or read, or is not a regular file.
    package static func digest(ofFileAt path: String, recordPath: Bool) throws(AuditError) -> AuditFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw AuditError(path: path, reason: .cannotOpen(detail: POSIX.lastError)) }
        defer { close(descriptor) }
        try POSIX.requireRegularFile(descriptor: descriptor, path: path)

        var hasher = SHA256()
        var total = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, readSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw AuditError(path: path, reason: .cannotRead(detail: POSIX.lastError))
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            total += count
        }
        return AuditFile(path: recordPath ? path : nil, sha256: SHA256Hex.hex(hasher.finalize()), bytes: total)
    }

    /// The digests of the files at `paths` that can be digested, in order; a missing file, or one that
    /// is not a regular file, is left out (the audit entry records what was there to read or write).
    package static func digests(ofFilesAt paths: [String], recordPath: Bool) -> [AuditFile] {
        paths.compactMap { try? digest(ofFileAt: $0, recordPath: recordPath) }
    }
}
