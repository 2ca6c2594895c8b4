import ArgumentParser
import EDXAudit

/// `edx audit`: the audit log of what edx imported and wrote (docs/audit.md).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit log of what edx imported and wrote.",
        discussion: """
            edx batch appends an entry to OUT/audit.jsonl; single-study commands append one only with \
            --audit FILE. Each entry is chained to the one before by SHA-256. See docs/audit.md.
            """,
        subcommands: [AuditVerifyCommand.self]
    )
}

/// `edx audit verify FILE [--head HASH]`: checks every entry and every link of an audit log's chain.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no entry of an audit log was edited, removed or reordered.",
        discussion: """
            Prints FILE: N entries, intact; head HASH when the chain holds, otherwise each problem as \
            FILE:LINE: error: MESSAGE. Keep the head elsewhere (daily) and pass it with --head later: \
            without it a cut tail cannot be seen. Exit codes: 0 intact, 1 not intact, 2 usage error, \
            3 the log could not be read.
            """
    )

    @Argument(help: "The audit log (JSON Lines, e.g. OUT/audit.jsonl).")
    var file: String

    @Option(help: "A head recorded earlier (64 hex digits): the log must still contain that entry.")
    var head: String?

    func validate() throws {
        if let head, head.count != 64 || !head.allSatisfy(\.isHexDigit) {
            throw ValidationError("--head must be 64 hexadecimal digits, a head printed by edx audit verify")
        }
    }

    func run() throws {
        let result: AuditVerification
        do {
            result = try AuditLog.verify(path: file, expectedHead: head)
        } catch {
            FileHandle.standardError.write("edx audit verify: \(error)\n")
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        if result.isIntact {
            try Output.write("\(file): \(result.entries) entries, intact; head \(result.head ?? "none (empty log)")\n")
            return
        }
        for problem in result.problems {
            try Output.write("\(file):\(problem.line): error: \(problem.message)\n")
        }
        let count = result.problems.count
        FileHandle.standardError.write(
            "\(file): \(result.entries) entries, \(count) problem\(count == 1 ? "" : "s"); not intact\n")
        throw ExitCode(ExitStatus.rejected.rawValue)
    }
}
