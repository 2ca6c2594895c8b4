import EDXTestSupport
import Foundation

/// The built `edx` binary.
let edxBinary = Fixtures.root() + "/.build/debug/edx"

/// What a command did: its exit status, standard output and standard error.
struct Outcome {
    var status: Int32
    var output: String
    var error: String
}

/// Quotes an argument for `/bin/sh`.
func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// Runs `edx` with `arguments`, with a shell `prefix` (environment, a pipe into it) and a
/// `suffix` (redirections of standard output); standard error is captured.
func edx(_ arguments: [String], prefix: String = "", suffix: String? = nil) -> Outcome {
    let errors = NSTemporaryDirectory() + "edx-stderr-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: errors) }
    let line =
        prefix + " " + ([edxBinary] + arguments).map(quoted).joined(separator: " ") + " "
        + (suffix ?? "") + " 2>" + quoted(errors)
    let result = Shell.run(line)
    let error = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
    return Outcome(status: result.status, output: result.output, error: error)
}

/// Every file under `folder`, relative, sorted.
func listing(_ folder: String) -> [String] {
    (FileManager.default.subpaths(atPath: folder) ?? []).sorted()
}
