import ArgumentParser
import Dispatch
import EDXOutput
import EDXViewer
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `edx serve`: the local web viewer (docs/viewer.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open a local web viewer: upload exports, read their reports, browse batch folders.",
        discussion: """
            Listens on 127.0.0.1 only (another address only with --listen, with a warning) and prints a link \
            with a random token; every request must carry it. Uploads are kept in a private folder removed \
            when the viewer stops (Ctrl-C). Nothing is loaded from the network. Exit codes: 0 stopped by \
            Ctrl-C or SIGTERM; 2 usage error (a bad address, a folder that is not a batch output folder); \
            5 the port is in use. See docs/viewer.md.
            """
    )

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = Int(ViewerConfiguration.defaultPort)

    @Flag(help: "Open the viewer in the browser (with xdg-open or open).")
    var open = false

    @Option(
        help: """
            Listen on this address instead of 127.0.0.1 (e.g. 0.0.0.0): other machines can then reach the viewer, \
            protected by its token only.
            """)
    var listen: String?

    @Option(help: "A batch output folder (of edx batch --out) to open at start; may be repeated.")
    var batch: [String] = []

    @Option(help: "Which limits win when the export carries the lab's own: lab or published.")
    var limits: LimitsOption = .lab

    @OptionGroup var privacy: PrivacyOptions

    @OptionGroup var lab: LabOption

    func validate() throws {
        guard (0...Int(UInt16.max)).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() throws {
        let profile = try lab.load()
        let deidentifier = try privacy.deidentifier()
        let address = listen ?? "127.0.0.1"
        if listen != nil, !ViewerConfiguration.isLoopback(address) {
            FileHandle.standardError.write(
                "edx: warning: --listen \(address): the viewer can be reached from other machines, over plain "
                    + "HTTP, protected by its token only; keep the link private and stop the viewer when done\n")
        }
        let configuration = ViewerConfiguration(
            address: address, port: UInt16(port), deidentifier: deidentifier, names: profile.names,
            labLimits: profile.limits, preference: limits.preference,
            generator: "edx \(EDXCommand.configuration.version)")
        let server: ViewerServer
        do {
            server = try ViewerServer(configuration)
        } catch {
            FileHandle.standardError.write("edx: \(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        // The signals end the wait below; their default action (ending the process at once) would
        // leave the private folder behind.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        let stopping = Shared(false)
        for source in signals {
            source.setEventHandler {
                guard !stopping.exchange(true) else { return }
                Task {
                    await server.stop()
                    done.signal()
                }
            }
            source.resume()
        }
        let folders = batch
        let shouldOpen = open
        Task {
            do {
                for folder in folders { try await server.openBatch(folder) }
            } catch {
                outcome.fail("edx: --batch: \(error)", status: .usage)
                await server.stop()
                done.signal()
                return
            }
            do {
                try await server.start()
            } catch {
                let status: ExitStatus
                if case .portInUse? = error as? ViewerError { status = .busy } else { status = .usage }
                outcome.fail("edx: \(error)", status: status)
                await server.stop()
                done.signal()
                return
            }
            let url = server.url
            do {
                try Output.write("\(url)\n")
            } catch {
                FileHandle.standardError.write("edx: \(error)\n")
            }
            FileHandle.standardError.write(
                "edx serve: open the link above in a browser on this computer; stop with Ctrl-C\n")
            if shouldOpen { Self.openBrowser(url) }
        }
        done.wait()
        for source in signals { source.cancel() }
        if let failure = outcome.failure {
            FileHandle.standardError.write(failure.message + "\n")
            throw ExitCode(failure.status.rawValue)
        }
        FileHandle.standardError.write("edx serve: stopped; the uploaded files are removed\n")
    }

    /// Opens `url` in the desktop's browser, when there is a tool for it.
    static func openBrowser(_ url: String) {
        let tools = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open", "/usr/bin/open"]
        guard let tool = tools.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            FileHandle.standardError.write("edx: --open: no xdg-open on this machine; open the link yourself\n")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        let null = Foundation.FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = null
        process.standardError = null
        do { try process.run() } catch {
            FileHandle.standardError.write("edx: --open: \(tool) did not start; open the link yourself\n")
        }
    }
}

/// How `edx serve` ended, when it failed.
private final class ServeOutcome: Sendable {
    struct Failure {
        var message: String
        var status: ExitStatus
    }

    private let storage = Mutex<Failure?>(nil)

    func fail(_ message: String, status: ExitStatus) {
        storage.withLock { $0 = Failure(message: message, status: status) }
    }

    var failure: Failure? { storage.withLock { $0 } }
}

/// A flag shared between the signal handlers.
private final class Shared: Sendable {
    private let storage: Mutex<Bool>

    init(_ value: Bool) { storage = Mutex(value) }

    /// Sets the flag; returns what it was.
    func exchange(_ value: Bool) -> Bool {
        storage.withLock { old in
            defer { old = value }
            return old
        }
    }
}
