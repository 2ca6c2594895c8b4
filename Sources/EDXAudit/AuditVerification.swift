import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The result of checking an audit log's chain: what was read and every problem found.
package struct AuditVerification: Sendable, Equatable {
    /// The log, as it was given.
    package var path: String
    /// Lines that were audit entries (malformed lines are not counted).
    package var entries: Int
    /// The `hash` of the last entry: the head to keep elsewhere. Nil when no line is an entry.
    package var head: String?
    /// The line whose entry has the expected head, when one was given and found.
    package var expectedHeadLine: Int?
    /// Every problem, in line order.
    package var problems: [AuditProblem]

    /// Whether nothing is wrong: every line an entry as edx writes it, each chained to the one before.
    package var isIntact: Bool { problems.isEmpty }
}

/// One problem of an audit log.
package struct AuditProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the log.
    package var line: Int
    package var kind: Kind
    /// What is wrong and what it means, in words.
    package var message: String

    /// `line N: message`.
    package var description: String { "line \(line): \(message)" }

    /// The kinds of problem.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The line is not an audit entry: not JSON, a field missing or of the wrong type, an empty
        /// line, a line without its newline (an interrupted write) or an overlong line.
        case malformed
        /// The entry does not match its `hash`, or is not written in the canonical form: it was edited.
        case altered
        /// `previous` is not the hash of the entry before it: an entry was removed, inserted or moved
        /// (or, on the first line, the entries before it were removed).
        case brokenChain
        /// The sequence number does not follow the one before it.
        case sequenceGap
        /// No entry has the expected head hash: the tail was cut (or the head is from another log).
        case missingHead
    }
}

extension AuditLog {
    /// Reads the log at `path` from start to end and checks every line and every link of the chain.
    ///
    /// Detected: a line that is not an entry; an edited entry (its hash no longer matches, or the line
    /// is not in canonical form); a removed, inserted or reordered entry (`previous` or the sequence
    /// does not follow); removed first entries. A cut tail is detected only with `expectedHead`, a head
    /// recorded earlier and kept elsewhere: the log must still contain the entry with that hash
    /// (entries appended since are fine).
    ///
    /// - Parameters:
    ///   - path: The log. Read in 1 MiB blocks; never loaded whole.
    ///   - expectedHead: A head hash recorded earlier (64 hex digits), or nil.
    /// - Returns: The entries read, the head and every problem with its line.
    /// - Throws: ``AuditError`` when the file cannot be opened or read, or is not a regular file.
    package static func verify(path: String, expectedHead: String? = nil) throws(AuditError) -> AuditVerification {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw AuditError(path: path, reason: .cannotOpen(detail: POSIX.lastError)) }
        defer { close(descriptor) }
        try POSIX.requireRegularFile(descriptor: descriptor, path: path)

        var checker = ChainChecker(expectedHead: expectedHead?.lowercased())
        let newline = UInt8(ascii: "\n")
        var pending: [UInt8] = []
        var overlong = false
        var buffer = [UInt8](repeating: 0, count: AuditFile.readSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AuditError(path: path, reason: .cannotRead(detail: POSIX.lastError))
            }
            if count == 0 { break }
            var start = 0
            while let end = buffer[start..<count].firstIndex(of: newline) {
                if overlong {
                    checker.overlongLine()
                    overlong = false
                } else {
                    pending += buffer[start..<end]
                    checker.check(line: pending)
                }
                pending.removeAll(keepingCapacity: true)
                start = end + 1
            }
            if !overlong { pending += buffer[start..<count] }
            if pending.count > maximumLineBytes {
                overlong = true
                pending = []
            }
        }
        if overlong {
            checker.overlongLine()
        } else if !pending.isEmpty {
            checker.incompleteLastLine()
        }
        return checker.result(path: path)
    }
}

/// The state of ``AuditLog/verify(path:expectedHead:)`` between lines.
private struct ChainChecker {
    /// The entry of the line before, when that line was an entry.
    private struct Link {
        var hash: String
        var sequence: Int
        var line: Int
    }

    let expectedHead: String?
    private let decoder = JSONDecoder()
    private var lineNumber = 0
    private var entries = 0
    private var head: String?
    private var expectedHeadLine: Int?
    private var problems: [AuditProblem] = []
    /// Nil at the start and after a line that was not an entry (whose hash is unknown).
    private var prior: Link?

    init(expectedHead: String?) {
        self.expectedHead = expectedHead
    }

    mutating func check(line bytes: [UInt8]) {
        lineNumber += 1
        let isFirstLine = lineNumber == 1
        guard !bytes.isEmpty else { return malformed("an empty line") }
        guard let entry = try? decoder.decode(AuditEntry.self, from: Data(bytes)) else {
            return malformed("not an audit entry (not JSON, or a field is missing or of the wrong type)")
        }
        entries += 1

        let forms = entry.canonicalForms
        if SHA256Hex.of(forms.unhashed) != entry.hash {
            report(.altered, "the entry does not match its hash \(short(entry.hash)): it was edited")
        } else if forms.line != bytes {
            report(
                .altered,
                "the entry is not written as edx writes it (keys sorted, no spaces, minimal escapes): it was edited")
        }

        if isFirstLine {
            if entry.previous != AuditEntry.genesis {
                report(
                    .brokenChain,
                    "the first entry's previous hash is \(short(entry.previous)), not 64 zeros: "
                        + "entries before it were removed")
            }
            if entry.sequence != 1 {
                report(
                    .sequenceGap,
                    "the first entry has sequence \(entry.sequence), not 1: entries before it were removed")
            }
        } else if let prior {
            if entry.previous != prior.hash {
                report(
                    .brokenChain,
                    "previous hash \(short(entry.previous)) is not the hash of the entry on line \(prior.line) "
                        + "(\(short(prior.hash))): an entry was removed, inserted or moved here")
            }
            if entry.sequence != prior.sequence + 1 {
                report(
                    .sequenceGap,
                    "sequence \(entry.sequence) follows sequence \(prior.sequence) on line \(prior.line) "
                        + "(expected \(prior.sequence + 1))")
            }
        }

        prior = Link(hash: entry.hash, sequence: entry.sequence, line: lineNumber)
        head = entry.hash
        if let expectedHead, entry.hash == expectedHead { expectedHeadLine = lineNumber }
    }

    mutating func overlongLine() {
        lineNumber += 1
        malformed("a line longer than \(AuditLog.maximumLineBytes >> 20) MiB")
    }

    mutating func incompleteLastLine() {
        lineNumber += 1
        malformed("the last line has no newline at its end: an interrupted write, or the file was cut")
    }

    func result(path: String) -> AuditVerification {
        var problems = problems
        if let expectedHead, expectedHeadLine == nil {
            problems.append(
                AuditProblem(
                    line: max(lineNumber, 1), kind: .missingHead,
                    message: "no entry has the expected head \(short(expectedHead)): the entries from that one "
                        + "on were removed (the tail was cut), or the head belongs to another log"))
        }
        return AuditVerification(
            path: path, entries: entries, head: head, expectedHeadLine: expectedHeadLine, problems: problems)
    }

    private mutating func malformed(_ message: String) {
        report(.malformed, message)
        prior = nil
    }

    private mutating func report(_ kind: AuditProblem.Kind, _ message: String) {
        problems.append(AuditProblem(line: lineNumber, kind: kind, message: message))
    }

    /// The first 16 hex digits of a hash, for messages (the whole head is printed elsewhere).
    private func short(_ hash: String) -> String { hash.count > 16 ? String(hash.prefix(16)) + "…" : hash }
}
