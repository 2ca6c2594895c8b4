/// One line of the audit log: who ran which command when, on which files, and what it wrote.
///
/// Written as canonical JSON (``CanonicalJSON``: keys sorted, no whitespace) on one line. ``hash``
/// is the SHA-256 of the canonical JSON of every other field, ``previous`` included, so each entry
/// seals the one before it (docs/audit.md).
package struct AuditEntry: Codable, Sendable, Equatable {
    /// 1 for the first entry of a log, then one more for each entry.
    package let sequence: Int
    /// When the entry was appended: ISO 8601, UTC, milliseconds (`2025-06-01T14:03:27.512Z`).
    package let time: String
    /// The login name of the effective user.
    package let user: String
    /// The machine's host name, when the system gives one.
    package let host: String?
    /// The program and its version (`edx 0.1.0`).
    package let tool: String
    /// The subcommand (`batch`, `report`).
    package let command: String
    /// The command's arguments as the caller passed them, already redacted by the caller.
    package let arguments: [String]
    /// Whether the run de-identified what it wrote; then no file path is recorded.
    package let deidentified: Bool
    /// The files read.
    package let inputs: [AuditFile]
    /// The files written.
    package let outputs: [AuditFile]
    /// A short status without patient data (`ok`, `failed: 3 studies rejected`).
    package let outcome: String
    /// The ``hash`` of the entry before this one; 64 zeros for the first entry.
    package let previous: String
    /// Lowercase hex SHA-256 of the canonical JSON of this entry without `hash`.
    package let hash: String

    /// The `previous` of a log's first entry.
    package static let genesis = String(repeating: "0", count: 64)

    /// The entry for `draft`, its hash computed.
    init(sequence: Int, time: String, user: String, host: String?, draft: AuditDraft, previous: String) {
        // A de-identified run records no path, whatever the caller passed: paths often hold names.
        let strip: (AuditFile) -> AuditFile = { draft.deidentified ? $0.withoutPath : $0 }
        self.init(
            sequence: sequence, time: time, user: user, host: host, tool: draft.tool, command: draft.command,
            arguments: draft.arguments, deidentified: draft.deidentified, inputs: draft.inputs.map(strip),
            outputs: draft.outputs.map(strip), outcome: draft.outcome, previous: previous, hash: "")
        self = withHash(computedHash)
    }

    private init(
        sequence: Int, time: String, user: String, host: String?, tool: String, command: String,
        arguments: [String], deidentified: Bool, inputs: [AuditFile], outputs: [AuditFile], outcome: String,
        previous: String, hash: String
    ) {
        self.sequence = sequence
        self.time = time
        self.user = user
        self.host = host
        self.tool = tool
        self.command = command
        self.arguments = arguments
        self.deidentified = deidentified
        self.inputs = inputs
        self.outputs = outputs
        self.outcome = outcome
        self.previous = previous
        self.hash = hash
    }

    /// The same entry with another `hash` (the entry is otherwise immutable).
    func withHash(_ hash: String) -> AuditEntry {
        AuditEntry(
            sequence: sequence, time: time, user: user, host: host, tool: tool, command: command,
            arguments: arguments, deidentified: deidentified, inputs: inputs, outputs: outputs, outcome: outcome,
            previous: previous, hash: hash)
    }

    /// The SHA-256 of the canonical JSON of the entry without `hash`: what `hash` must be.
    var computedHash: String { SHA256Hex.of(canonicalForms.unhashed) }

    /// The line of the log: the canonical JSON of the whole entry, without the newline.
    var line: [UInt8] { canonicalForms.line }

    /// The canonical JSON of the entry without `hash` (what is hashed) and with it (the line), the
    /// values of the other members encoded once for both.
    var canonicalForms: (unhashed: [UInt8], line: [UInt8]) {
        let values: [String: CanonicalJSON] = [
            "sequence": .int(sequence),
            "time": .string(time),
            "user": .string(user),
            "host": host.map(CanonicalJSON.string) ?? .null,
            "tool": .string(tool),
            "command": .string(command),
            "arguments": .array(arguments.map(CanonicalJSON.string)),
            "deidentified": .bool(deidentified),
            "inputs": .array(inputs.map { $0.canonical }),
            "outputs": .array(outputs.map { $0.canonical }),
            "outcome": .string(outcome),
            "previous": .string(previous),
        ]
        var members = values.mapValues { $0.bytes }
        let unhashed = CanonicalJSON.object(members)
        members["hash"] = CanonicalJSON.string(hash).bytes
        return (unhashed, CanonicalJSON.object(members))
    }
}

/// A file an audited command read or wrote, identified by its content.
package struct AuditFile: Codable, Sendable, Equatable {
    /// The path as the command used it; nil in de-identified runs (paths often hold patient names).
    package var path: String?
    /// Lowercase hex SHA-256 of the file's bytes.
    package var sha256: String
    /// The file's size in bytes.
    package var bytes: Int

    package init(path: String?, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }

    var withoutPath: AuditFile { AuditFile(path: nil, sha256: sha256, bytes: bytes) }

    var canonical: CanonicalJSON {
        .object(["path": path.map(CanonicalJSON.string) ?? .null, "sha256": .string(sha256), "bytes": .int(bytes)])
    }
}

/// What the caller knows of an entry; ``AuditLog/append(_:)`` adds the sequence, time, user, host
/// and the chain.
package struct AuditDraft: Sendable, Equatable {
    /// The program and its version (`edx 0.1.0`).
    package var tool: String
    /// The subcommand (`batch`, `report`).
    package var command: String
    /// The arguments, redacted by the caller: no patient name or identifier, and no path in a
    /// de-identified run.
    package var arguments: [String]
    /// Whether the run de-identified what it wrote. The paths of ``inputs`` and ``outputs`` are then
    /// dropped when the entry is made, whatever they hold.
    package var deidentified: Bool
    package var inputs: [AuditFile]
    package var outputs: [AuditFile]
    /// A short status without patient data (`ok`, `failed: 3 studies rejected`).
    package var outcome: String

    package init(
        tool: String, command: String, arguments: [String], deidentified: Bool, inputs: [AuditFile],
        outputs: [AuditFile], outcome: String
    ) {
        self.tool = tool
        self.command = command
        self.arguments = arguments
        self.deidentified = deidentified
        self.inputs = inputs
        self.outputs = outputs
        self.outcome = outcome
    }
}
