#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on an output folder, held while a run writes into it: a second run on the
/// same folder is refused at once instead of mixing its results with the first.
///
/// The lock is `flock(2)` on `.edx-lock` in the folder, which holds the process id of the holder;
/// the kernel releases it when the process ends, however it ends, so a killed run never leaves a
/// stale lock behind.
public final class FolderLock: Sendable {
    public static let fileName = ".edx-lock"
    let descriptor: Int32

    public init(folder: String) throws(OutputError) {
        let path = folder + "/" + Self.fileName
        try OutputFile.checkTarget(path, action: "lock the folder")
        let opened = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw OutputError(path: folder, action: "lock the folder", reason: .system(errno)) }
        if flock(opened, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            var bytes = [UInt8](repeating: 0, count: 32)
            let count = pread(opened, &bytes, bytes.count, 0)
            close(opened)
            guard failure == EWOULDBLOCK else {
                throw OutputError(path: folder, action: "lock the folder", reason: .system(failure))
            }
            let holder = count > 0 ? Int32(String(decoding: bytes.prefix(count), as: UTF8.self)) : nil
            throw OutputError(path: folder, action: "lock the folder", reason: .inUse(holder: holder))
        }
        let pid = Array(String(getpid()).utf8)
        _ = ftruncate(opened, 0)
        _ = pwrite(opened, pid, pid.count, 0)
        descriptor = opened
    }

    deinit {
        close(descriptor)
    }
}
