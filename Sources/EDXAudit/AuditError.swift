/// Why an audit log could not be written or read, or an input or output file could not be digested.
///
/// The description names the file and the reason in words (`path: reason`), never a system error dump.
package struct AuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file concerned, as it was given.
    package var path: String
    package var reason: Reason

    package init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    package var description: String { "\(path): \(reason)" }

    /// What went wrong. `detail` is the system's explanation of a failed call (`strerror`).
    package enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// Something other than a regular file is at the path; `kind` names it ("a symbolic link").
        case notARegularFile(kind: String)
        /// open(2) failed.
        case cannotOpen(detail: String)
        /// flock(2) failed.
        case cannotLock(detail: String)
        /// read(2) failed.
        case cannotRead(detail: String)
        /// write(2) failed; the partial line was removed where the file allowed it.
        case cannotWrite(detail: String)
        /// fsync(2) failed: the entry may not be on disk.
        case cannotSync(detail: String)
        /// The last line of the log is not a complete entry, so a new entry has nothing to chain to.
        case damagedTail(detail: String)

        package var description: String {
            switch self {
            case .notARegularFile(let kind):
                "is \(kind), not a regular file; an audit log is only read or written as a regular file"
            case .cannotOpen(let detail): "cannot be opened: \(detail)"
            case .cannotLock(let detail): "cannot be locked: \(detail)"
            case .cannotRead(let detail): "cannot be read: \(detail)"
            case .cannotWrite(let detail): "the audit entry could not be written: \(detail)"
            case .cannotSync(let detail): "the audit entry could not be flushed to disk: \(detail)"
            case .damagedTail(let detail):
                "\(detail); no entry was added. Run `edx audit verify` on it, keep the file as evidence "
                    + "and start a new log (docs/audit.md)"
            }
        }
    }
}
