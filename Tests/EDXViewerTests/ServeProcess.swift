import EDXTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The built `edx` binary, and the tools of the browser test (installed by scripts/viewer-browser.sh).
enum ViewerTools {
    static let root = Fixtures.root()
    static let edx = root + "/.build/debug/edx"
    static let python = root + "/.build/viewer-venv/bin/python"
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    static var hasEDX: Bool { FileManager.default.isExecutableFile(atPath: edx) }

    /// Chromium, chromedriver, the venv with Selenium, and the built binary are all there.
    static var hasBrowser: Bool {
        hasEDX && [chromium, chromedriver, python].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
            && Shell.run("\(quoted(python)) -c 'import selenium' 2>/dev/null").status == 0
    }

    /// Quotes an argument for `/bin/sh`.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// `edx serve` running as its own process, its standard output and error captured.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let errors: String
    /// The link printed at start, once read.
    private(set) var url: String?

    /// Starts `edx serve ARGUMENTS` with `environment` added to this process's.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        errors = NSTemporaryDirectory() + "edx-serve-stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        process.executableURL = URL(fileURLWithPath: ViewerTools.edx)
        process.arguments = ["serve"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errors)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: errors)
    }

    /// Reads the first line of standard output (the link), or nil if the process ends first.
    func readURL() -> String? {
        var data = Data()
        let handle = output.fileHandleForReading
        while !data.contains(0x0A) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first else { return nil }
        url = String(line)
        return url
    }

    /// Sends `signal` and waits for the process to end; returns its exit status.
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Waits for the process to end by itself; returns its exit status.
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Standard error so far.
    var standardError: String { (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "" }
}
