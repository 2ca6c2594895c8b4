package import ArgumentParser
import EDXOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `edx` command: reads electrodiagnostic study exports and reports on them.
///
/// Exit codes, for scripts: 0 every study imported (warnings allowed); 1 a study was rejected;
/// 2 usage error; 3 a file could not be read; 4 an output could not be written; 5 the output folder
/// is in use by another edx run.
package struct EDXCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "edx",
        abstract: "Read electrodiagnostic study exports (NCS and needle EMG) and report on them.",
        discussion: """
            Exit codes: 0 success (warnings allowed), 1 a study was rejected (or a file held none), \
            2 usage error, 3 a file could not be read, 4 an output could not be written (standard output \
            included), 5 the output folder is in use by another edx run.
            """,
        version: "0.1.0",
        subcommands: [
            ImportCommand.self, FindingsCommand.self, AnalyzeCommand.self, ReportCommand.self, BatchCommand.self,
            MergeCommand.self, SynthCommand.self, EvaluateCommand.self, AuditCommand.self, ServeCommand.self,
        ]
    )

    package init() {}

    /// Parses the arguments, runs the command and exits with the documented exit code.
    package static func runAndExit(arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            terminate(0)
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch let error as OutputError {
            FileHandle.standardError.write("edx: \(error)\n")
            terminate(ExitStatus(error).rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // --help and --version: their text is the output, and failing to write it is an error.
                do { try StandardStream.output.write(message + "\n") } catch {
                    FileHandle.standardError.write("edx: \(error)\n")
                    terminate(ExitStatus.output.rawValue)
                }
                terminate(0)
            }
            FileHandle.standardError.write(message + "\n")
            terminate(ExitStatus.usage.rawValue)
        }
    }
}

/// The exit codes of `edx`.
package enum ExitStatus: Int32, Sendable {
    case success = 0
    case rejected = 1
    case usage = 2
    case unreadable = 3
    case output = 4
    case busy = 5

    /// The status of an output failure: 5 when another run holds the folder, else 4.
    init(_ error: OutputError) {
        if case .inUse = error.reason { self = .busy } else { self = .output }
    }

    /// The worse of two outcomes (an unreadable file outranks a rejected study, a lost output both).
    func combined(with other: ExitStatus) -> ExitStatus { rawValue >= other.rawValue ? self : other }
}

/// Ends the process with `code` after flushing standard output.
private func terminate(_ code: Int32) -> Never {
    fflush(nil)  // flushes every output stream, standard output included
    exit(code)
}
