#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an output could not be written: the path, what edx was doing, and the reason in words
/// (never a raw `NSError` dump).
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The path exists and is not a regular file: edx does not replace devices, FIFOs, sockets,
        /// symbolic links or folders.
        case notRegularFile(FileKind)
        /// The path is a regular file where edx needs a folder.
        case notAFolder
        /// A system call failed with this `errno`.
        case system(Int32)
        /// Another edx run holds the folder (its process id, when it wrote one).
        case inUse(holder: Int32?)
    }

    public var path: String
    /// What edx was doing: "write", "create the folder", "lock the folder", "write to standard output".
    public var action: String
    public var reason: Reason

    public init(path: String, action: String, reason: Reason) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    /// The `errno` behind the failure, when there is one.
    public var errorNumber: Int32? {
        if case .system(let number) = reason { return number }
        return nil
    }

    /// True when another edx run holds the folder.
    public var isFolderInUse: Bool {
        if case .inUse = reason { return true }
        return false
    }

    /// True when nothing more can be written anywhere on that file system (disk or quota full,
    /// read-only file system, I/O error): a batch stops instead of failing every study in turn.
    public var isFatal: Bool {
        guard let number = errorNumber else { return false }
        return [ENOSPC, EDQUOT, EROFS, EIO].contains(number)
    }

    public var description: String {
        switch reason {
        case .notRegularFile(let kind):
            "\(path): cannot \(action): it is a \(kind.rawValue); edx writes only regular files and "
                + "never replaces \(kind.plural)"
        case .notAFolder:
            "\(path): cannot \(action): it is a file, not a folder"
        case .system(let number):
            "\(path): cannot \(action): \(Self.systemMessage(number))"
        case .inUse(let holder):
            "\(path): in use by another edx run\(holder.map { " (process \($0))" } ?? ""); wait for it to finish, "
                + "or choose another output folder"
        }
    }

    /// `No space left on device` for ENOSPC: the C library's text of an `errno`.
    public static func systemMessage(_ number: Int32) -> String {
        guard let text = strerror(number) else { return "error \(number)" }
        return String(cString: text)
    }
}

/// What is at a path, from `lstat(2)`.
public enum FileKind: String, Sendable, Hashable {
    case regular = "regular file"
    case folder
    case symbolicLink = "symbolic link"
    case fifo = "FIFO (named pipe)"
    case characterDevice = "character device"
    case blockDevice = "block device"
    case socket
    case other = "special file"

    var plural: String {
        switch self {
        case .regular: "regular files"
        case .folder: "folders"
        case .symbolicLink: "symbolic links"
        case .fifo: "FIFOs"
        case .characterDevice, .blockDevice: "devices"
        case .socket: "sockets"
        case .other: "special files"
        }
    }

    /// The kind of the file at `path` without following a final symbolic link, or `nil` when
    /// nothing is there.
    public static func at(_ path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileKind(mode: info.st_mode)
    }

    /// The kind of what `path` leads to, following symbolic links (`nil` when nothing, or a
    /// dangling link).
    public static func following(_ path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileKind(mode: info.st_mode)
    }

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }
}
