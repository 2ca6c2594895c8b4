import ArgumentParser
import EDXAudit

/// What the audit log records of a command line.
enum AuditRecording {
    /// Options whose values are settings, not paths: kept in a de-identified run's audit entry.
    static let settingOptions: Set<String> = [
        "--format", "--reports", "--jobs", "--shard", "--limits", "--dates", "--width", "--page-length",
        "--count", "--seed", "--chunk-size",
    ]

    /// The arguments without the program's path; in a de-identified run, every path (the inputs,
    /// `--out`, `--link-file`, `--lab`) becomes `<path>`, since paths often hold patient names.
    static func redacted(_ arguments: [String], deidentified: Bool) -> [String] {
        let rest = Array(arguments.dropFirst())
        guard deidentified else { return rest }
        var result: [String] = []
        var keepNext = false
        for argument in rest {
            defer { keepNext = settingOptions.contains(argument) }
            if keepNext || (argument.hasPrefix("-") && argument != "-") {
                if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                    let name = String(argument[..<equals])
                    result.append(settingOptions.contains(name) ? argument : name + "=<path>")
                } else {
                    result.append(argument)
                }
            } else {
                result.append(result.isEmpty ? argument : "<path>")
            }
        }
        return result
    }
}

/// `--audit FILE` of the single-study commands: off by default; with it, the run appends one entry
/// (inputs and written files by SHA-256, outcome) to the log (docs/audit.md).
struct AuditOption: ParsableArguments {
    @Option(name: .customLong("audit"), help: "Append an entry for this run to this audit log (docs/audit.md).")
    var path: String?

    /// Appends the entry; a failure is an output failure (exit code 4).
    func record(
        command: String, files: [String], outputs: [String] = [], deidentified: Bool, status: ExitStatus
    ) throws {
        guard let path else { return }
        let inputs = AuditFile.digests(ofFilesAt: files, recordPath: !deidentified)
        let written = AuditFile.digests(ofFilesAt: outputs, recordPath: !deidentified)
        let outcome: String =
            switch status {
            case .success: "ok"
            case .rejected: "failed: a study was rejected"
            case .usage: "failed: usage"
            case .unreadable: "failed: a file could not be read"
            case .output: "failed: an output could not be written"
            case .busy: "failed: the output folder is in use"
            }
        _ = try AuditLog(path: path).append(
            AuditDraft(
                tool: "edx \(EDXCommand.configuration.version)", command: command,
                arguments: AuditRecording.redacted(CommandLine.arguments, deidentified: deidentified),
                deidentified: deidentified, inputs: inputs, outputs: written, outcome: outcome))
    }
}
