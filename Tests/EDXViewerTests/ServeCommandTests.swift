import EDXTestSupport
import Foundation
import Testing

@testable import EDXViewer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `edx serve` as the user starts it: the built binary, its link, its signals and exit codes.
@Suite("edx serve, the command", .enabled(if: ViewerTools.hasEDX, "needs the built binary .build/debug/edx"))
struct ServeCommandTests {
    /// The link printed at start: loopback, the port, 32 hex digits of token.
    static func parse(_ url: String?) -> (port: Int, token: String)? {
        guard let url, url.hasPrefix("http://127.0.0.1:"), let query = url.range(of: "/?token=") else { return nil }
        let port = Int(url[url.index(url.startIndex, offsetBy: 17)..<query.lowerBound])
        let token = String(url[query.upperBound...])
        guard let port, token.count == 32, token.allSatisfy({ "0123456789abcdef".contains($0) }) else { return nil }
        return (port, token)
    }

    @Test("It prints the link with its token, serves it, and on SIGINT or SIGTERM stops cleanly, removing uploads")
    func startsAndStops() async throws {
        // No cookie jar: the refused request below must not carry the cookie the first one set.
        let settings = URLSessionConfiguration.ephemeral
        settings.httpShouldSetCookies = false
        settings.timeoutIntervalForRequest = 600  // the machine's load, not the viewer, sets the pace
        let session = URLSession(configuration: settings)
        for signal in [SIGINT, SIGTERM] {
            let scratch = try Scratch()
            let serve = try ServeProcess(["--port", "0"], environment: ["TMPDIR": scratch.path])
            let url = serve.readURL()
            let (port, token) = try #require(Self.parse(url), "\(url ?? "nothing"); \(serve.standardError)")
            let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            #expect(folders.count == 1 && folders[0].hasPrefix("edx-serve-"))
            let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path + "/" + folders[0])
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
            let (_, response) = try await session.data(
                from: try #require(URL(string: "http://127.0.0.1:\(port)/?token=\(token)")))
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let (_, refused) = try await session.data(
                from: try #require(URL(string: "http://127.0.0.1:\(port)/")))
            #expect((refused as? HTTPURLResponse)?.statusCode == 403)
            #expect(serve.stop(signal) == 0)
            #expect(serve.standardError.contains("stopped"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        }
    }

    @Test("A port in use ends it with exit code 5 and says so")
    func portInUse() async throws {
        try await withViewer { viewer in
            let serve = try ServeProcess(["--port", String(viewer.server.port)])
            #expect(serve.wait() == 5)
            #expect(serve.standardError.contains("port \(viewer.server.port) on 127.0.0.1 is in use"))
        }
    }

    @Test("Bad options end it with exit code 2: a port out of range, a bad address, a folder that is not a batch")
    func badOptions() throws {
        let scratch = try Scratch()
        let cases: [([String], String)] = [
            (["--port", "70000"], "--port must be from 0 to 65535"),
            (["--listen", "nowhere", "--port", "0"], "not an IPv4 or IPv6 address"),
            (["--batch", scratch.path, "--port", "0"], "holds no index.sqlite"),
        ]
        for (arguments, message) in cases {
            let serve = try ServeProcess(arguments)
            #expect(serve.wait() == 2, "\(arguments)")
            #expect(serve.standardError.contains(message), "\(serve.standardError)")
        }
    }

    @Test("--listen with an address other machines reach warns, and prints that address")
    func listenWarns() throws {
        let serve = try ServeProcess(["--listen", "0.0.0.0", "--port", "0"])
        let url = try #require(serve.readURL())
        #expect(url.hasPrefix("http://0.0.0.0:"))
        #expect(serve.stop() == 0)
        #expect(
            serve.standardError.contains("warning: --listen 0.0.0.0: the viewer can be reached from other machines"))
    }
}
