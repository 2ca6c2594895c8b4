#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls of the audit log, wrapped so that failures become ``AuditError``s.
enum POSIX {
    /// The system's explanation of the last failed call.
    static var lastError: String { String(cString: strerror(errno)) }

    /// What a file of this mode is, in words, or nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }

    /// Throws unless something other than a regular file is at `path` (not following a link).
    /// Nothing at the path is fine: the caller creates it.
    static func refuseNonRegularEntry(at path: String) throws(AuditError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if let kind = kind(of: status.st_mode) {
            throw AuditError(path: path, reason: .notARegularFile(kind: kind))
        }
    }

    /// The size of the open file, after checking that it is a regular file.
    @discardableResult
    static func requireRegularFile(descriptor: Int32, path: String) throws(AuditError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw AuditError(path: path, reason: .cannotRead(detail: lastError))
        }
        if let kind = kind(of: status.st_mode) {
            throw AuditError(path: path, reason: .notARegularFile(kind: kind))
        }
        return Int(status.st_size)
    }

    /// Reads exactly `count` bytes at `offset`, or throws.
    static func readExactly(descriptor: Int32, count: Int, at offset: Int, path: String) throws(AuditError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let detail = result == 0 ? "the file ended early" : lastError
                throw AuditError(path: path, reason: .cannotRead(detail: detail))
            }
            done += result
        }
        return bytes
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    static func writeAll(descriptor: Int32, _ bytes: [UInt8], path: String) throws(AuditError) {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + done, bytes.count - done)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw AuditError(path: path, reason: .cannotWrite(detail: lastError)) }
            done += result
        }
    }

    /// Flushes the folder holding `path`, so that a newly created file's name survives a crash.
    /// Best effort: some file systems refuse fsync on a folder.
    static func syncFolder(of path: String) {
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
        let descriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// Who and where: the facts of the running process an entry records.
enum SystemIdentity {
    /// The login name of the effective user (getpwuid_r), else `$USER`, else `uid N`.
    static func user() -> String {
        let uid = geteuid()
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let name: String? = buffer.withUnsafeMutableBufferPointer { storage in
            guard getpwuid_r(uid, &entry, storage.baseAddress!, storage.count, &result) == 0, result != nil,
                let name = entry.pw_name
            else { return nil }
            return String(cString: name)
        }
        if let name, !name.isEmpty { return name }
        if let variable = getenv("USER"), case let name = String(cString: variable), !name.isEmpty { return name }
        return "uid \(uid)"
    }

    /// The host name (gethostname), or nil.
    static func host() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? nil : name
    }

    /// The current time as ISO 8601 in UTC with milliseconds (`2025-06-01T14:03:27.512Z`).
    static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
        let time = "\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))"
        return "\(date)T\(time).\(padded(Int32(spec.tv_nsec / 1_000_000), 3))Z"
    }
}
