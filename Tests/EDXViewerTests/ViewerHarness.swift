import EDXTestSupport
import Foundation
import Testing

@testable import EDXViewer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A response as the tests read it.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// A header, by its name in any case.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Refuses redirects, so that a test sees the 303 of an upload and where it leads.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// A viewer started in this process on a free port, and a client for it.
final class RunningViewer: Sendable {
    let server: ViewerServer
    let base: String
    let session: URLSession

    /// Starts a viewer on port 0 (the system picks a free one).
    init(_ configure: (inout ViewerConfiguration) -> Void = { _ in }) async throws {
        var configuration = ViewerConfiguration(port: 0)
        configure(&configuration)
        server = try ViewerServer(configuration)
        let port = try await server.start()
        base = "http://127.0.0.1:\(port)"
        let settings = URLSessionConfiguration.ephemeral
        settings.httpShouldSetCookies = false
        settings.httpCookieAcceptPolicy = .never
        // The suite runs beside every other on two cores: a page may wait its turn well over the
        // default 60 s, which would fail the test for the machine's load, not for the viewer.
        settings.timeoutIntervalForRequest = 600
        settings.timeoutIntervalForResource = 900
        session = URLSession(configuration: settings, delegate: NoRedirects(), delegateQueue: nil)
    }

    var token: String { server.configuration.token }

    /// Sends a request; `token` false leaves the token out; `cookie` sends it as the cookie instead.
    func request(
        _ path: String, method: String = "GET", token: Bool = true, cookie: Bool = false, body: Data? = nil,
        contentType: String? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var url = base + path
        if token && !cookie { url += (path.contains("?") ? "&" : "?") + "token=\(self.token)" }
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if cookie { request.setValue("edx-token-\(server.port)=\(self.token)", forHTTPHeaderField: "Cookie") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// Uploads files through the form of the start page.
    func upload(_ files: [(name: String, data: Data)], token: Bool = true) async throws -> Reply {
        let boundary = "edx-test-\(UUID().uuidString)"
        var body = Data()
        for file in files {
            body += Data("--\(boundary)\r\n".utf8)
            body += Data("Content-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\n".utf8)
            body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return try await request(
            "/upload", method: "POST", token: token, body: body,
            contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Uploads a fixture (a path under Fixtures/).
    func upload(fixture: String) async throws -> Reply {
        let path = Fixtures.path(fixture)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try await upload([(URL(fileURLWithPath: path).lastPathComponent, data)])
    }

    /// Opens a batch folder through the form of the start page.
    func openBatch(_ folder: String) async throws -> Reply {
        let body = "folder=" + HTML.percentEncode(folder)
        return try await request(
            "/batch", method: "POST", body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    func stop() async {
        session.invalidateAndCancel()
        await server.stop()
    }
}

/// A scratch folder, removed when the test ends.
final class Scratch: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "edx-viewer-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Copies fixtures into `folder` under the scratch folder; returns the folder.
    func copy(_ fixtures: [String], into folder: String) throws -> String {
        let target = path + "/" + folder
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for fixture in fixtures {
            let name = URL(fileURLWithPath: fixture).lastPathComponent
            try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: target + "/" + name)
        }
        return target
    }
}

/// The fixtures of the batch tests: 7 studies in 4 files.
let batchFixtures = [
    "examples/peroneal-fibular-head-left.xml", "examples/archive-three-studies.xml",
    "examples/archive-two-studies.csv", "examples/l5-radiculopathy-right.csv",
]

/// Runs `body` with a viewer started in this process, and stops the viewer whatever happens.
func withViewer(
    _ configure: (inout ViewerConfiguration) -> Void = { _ in }, _ body: (RunningViewer) async throws -> Void
) async throws {
    let viewer = try await RunningViewer(configure)
    do {
        try await body(viewer)
    } catch {
        await viewer.stop()
        throw error
    }
    await viewer.stop()
}
