import EDXBatch
import EDXDocuments
import EDXImport
import EDXModel
import EDXPrivacy
import EDXReport
import FlyingFox
import Foundation
import Synchronization

/// Answers every request of the viewer: checks the token (and the Host on loopback), routes, and
/// adds the security headers to every response.
struct Router: HTTPHandler {
    let configuration: ViewerConfiguration
    let state: ViewerState
    let folder: PrivateFolder
    /// The port, known once the server listens (it names the token cookie).
    let port: Shared<UInt16>
    /// Numbers the files written into the private folder.
    let uploads = Counter()

    /// The Content-Security-Policy of every response: nothing from outside, no inline script.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    var cookieName: String { "edx-token-\(port.value)" }
    var deidentified: Bool { configuration.deidentifier != nil }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var response: HTTPResponse
        let access = authorize(request)
        switch access {
        case .denied:
            response = Reply.html(.forbidden, Layout.forbidden)
            // The body of a refused request is not read: close rather than parse it as a request.
            response.headers[.connection] = "close"
        case .wrongHost:
            response = Reply.html(.misdirectedRequest, Layout.forbidden)
            response.headers[.connection] = "close"
        case .granted(let setCookie):
            response = await route(request)
            if setCookie {
                response.headers.addValue(
                    "\(cookieName)=\(configuration.token); HttpOnly; SameSite=Strict; Path=/", for: .setCookie)
            }
        }
        response.headers[HTTPHeader("Content-Security-Policy")] = Self.contentSecurityPolicy
        response.headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        response.headers[HTTPHeader("Referrer-Policy")] = "no-referrer"
        response.headers[HTTPHeader("X-Frame-Options")] = "DENY"
        response.headers[HTTPHeader("Cross-Origin-Opener-Policy")] = "same-origin"
        response.headers[HTTPHeader("Cross-Origin-Resource-Policy")] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    enum Access: Equatable {
        case granted(setCookie: Bool)
        case denied
        case wrongHost
    }

    /// The token from the query (then the cookie is set) or from the cookie.
    func authorize(_ request: HTTPRequest) -> Access {
        if ViewerConfiguration.isLoopback(configuration.address), !hostIsLoopback(request.headers[.host]) {
            return .wrongHost
        }
        let cookie = Self.cookies(request.headers[.cookie])[cookieName]
        let cookieValid = cookie.map { ViewerToken.matches($0, configuration.token) } ?? false
        if let given = request.query["token"] {
            guard ViewerToken.matches(given, configuration.token) else { return .denied }
            return .granted(setCookie: !cookieValid)
        }
        return cookieValid ? .granted(setCookie: false) : .denied
    }

    /// A Host header naming this machine's loopback (a page of another site that resolves its name
    /// to 127.0.0.1 sends its own name: DNS rebinding is refused).
    func hostIsLoopback(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let name: Substring
        if host.hasPrefix("[") {
            name = host.dropFirst().prefix { $0 != "]" }
        } else {
            name = host.split(separator: ":", maxSplits: 1).first ?? ""
        }
        return name == "127.0.0.1" || name == "localhost" || name == "::1"
    }

    /// `name=value` pairs of a Cookie header.
    static func cookies(_ header: String?) -> [String: String] {
        var out: [String: String] = [:]
        for pair in (header ?? "").split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            out[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    // MARK: Routes

    func route(_ request: HTTPRequest) async -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        let method = request.method
        switch (method, parts.count, parts.first) {
        case (.GET, 0, _), (.HEAD, 0, _):
            return await home()
        case (.GET, 2, "assets"):
            return asset(parts[1])
        case (.POST, 1, "upload"):
            return await upload(request)
        case (.GET, 2, "study"):
            return await study(Int(parts[1]))
        case (.GET, 4, "study") where parts[2] == "download":
            return await download(Int(parts[1]), format: DocumentFormat(rawValue: parts[3]))
        case (.POST, 1, "batch"):
            return await openBatch(request)
        case (.GET, 2, "batch"):
            return await batch(Int(parts[1]), request)
        case (.GET, 3, "batch") where parts[2] == "study":
            return await batchStudy(Int(parts[1]), request)
        case (.GET, 3, "batch") where parts[2] == "file":
            return await batchFile(Int(parts[1]), request)
        case (_, _, "upload"), (_, 1, "batch"):
            return problem(.methodNotAllowed, "Not allowed", "This address takes a form sent from the start page.")
        default:
            return problem(.notFound, "Not found", "There is no page at this address.")
        }
    }

    func problem(_ status: HTTPStatusCode, _ title: String, _ message: String) -> HTTPResponse {
        Reply.html(status, Layout.problem(title: title, message: message, deidentified: deidentified))
    }

    func home() async -> HTTPResponse {
        let page = HomePage.render(
            studies: await state.studies, files: await state.files, batches: await state.batches,
            uploadLimit: configuration.uploadLimit, deidentified: deidentified)
        return Reply.html(.ok, page)
    }

    func asset(_ name: String) -> HTTPResponse {
        switch name {
        case "viewer.css": Reply.bytes(.ok, contentType: "text/css; charset=utf-8", Data(Assets.css.utf8))
        case "viewer.js": Reply.bytes(.ok, contentType: "text/javascript; charset=utf-8", Data(Assets.javascript.utf8))
        default: problem(.notFound, "Not found", "There is no page at this address.")
        }
    }

    // MARK: Uploads

    /// Reads the body, refusing one over the upload limit (413) before or while reading it.
    func body(of request: HTTPRequest) async -> Body {
        let limit = configuration.uploadLimit
        let tooLarge = problem(
            .payloadTooLarge, "Upload too large",
            "An upload may hold up to \(limit >> 20) MiB in all: send fewer or smaller files at a time.")
        if let length = request.bodySequence.count, length > limit { return .refused(closing(tooLarge)) }
        var data = Data()
        do {
            for try await chunk in request.bodySequence {
                data.append(chunk)
                if data.count > limit { return .refused(closing(tooLarge)) }
            }
        } catch {
            return .refused(closing(problem(.badRequest, "Upload interrupted", "The upload did not arrive whole.")))
        }
        return .data(data)
    }

    /// A request body read whole, or the response refusing it.
    enum Body {
        case data(Data)
        case refused(HTTPResponse)
    }

    private func closing(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers[.connection] = "close"
        return response
    }

    func upload(_ request: HTTPRequest) async -> HTTPResponse {
        let data: Data
        switch await body(of: request) {
        case .data(let body): data = body
        case .refused(let response): return response
        }
        let form: Multipart
        do {
            form = try Multipart(contentType: request.headers[.contentType], body: data)
        } catch {
            return problem(.badRequest, "Not an upload", "\(error.description.capitalizedFirst).")
        }
        let files = form.parts.filter { $0.name == "files" && $0.fileName.map { !$0.isEmpty } == true }
        guard !files.isEmpty else {
            return problem(.badRequest, "No file", "Choose one or more export files to open.")
        }
        var opened: [Int] = []
        for file in files {
            opened += await importUpload(name: Self.baseName(file.fileName ?? "upload"), data: file.data)
        }
        // One study: its report; several (or none): the start page, which lists them and any problem.
        let location = opened.count == 1 ? "/study/\(opened[0])" : "/#studies"
        return Reply.redirect(location)
    }

    /// The last component of a file name as a browser sends it (some send a whole path).
    static func baseName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.isEmpty ? "upload" : last
    }

    /// Imports one uploaded file from the private folder (removed right after); returns the
    /// numbers of its studies.
    func importUpload(name: String, data: Data) async -> [Int] {
        let privacy = configuration.deidentifier
        let display = privacy?.source(name) ?? name
        let path: String
        do {
            path = try folder.write(data, name: "upload-\(uploads.next())")
        } catch {
            let diagnostic = Diagnostic(
                .error, .fileUnreadable, at: SourceLocation(file: display, line: 1),
                "the upload could not be kept for reading: \(error)")
            return await state.add(file: display, fileDiagnostics: [diagnostic], studies: [])
        }
        defer { unlink(path) }
        var studies: [UploadedStudy] = []
        let summary = StudyImporter.importFile(at: path, displayPath: display, names: configuration.names) { read in
            var imported = read
            if let privacy {
                imported.study = imported.study.map(privacy.deidentify)
                imported.studyID = imported.studyID.map(privacy.studyID)
                imported.diagnostics = imported.diagnostics.map(privacy.diagnostic)
            }
            let rendered = imported.study.map {
                RenderedStudy(
                    study: $0, preference: configuration.preference, labLimits: configuration.labLimits,
                    deidentified: privacy != nil, generator: configuration.generator)
            }
            studies.append(
                UploadedStudy(
                    number: 0, file: display, studyID: imported.study?.id ?? imported.studyID,
                    status: imported.status, rendered: rendered, diagnostics: imported.diagnostics))
        }
        // The codes given so far are kept in the link file, when there is one.
        try? privacy?.save()
        return await state.add(file: display, fileDiagnostics: summary.fileDiagnostics, studies: studies)
    }

    // MARK: Studies

    func study(_ number: Int?) async -> HTTPResponse {
        guard let number, let study = await state.study(number) else {
            return problem(.notFound, "No such study", "No study of this session has this number.")
        }
        guard let rendered = study.rendered else {
            return Reply.html(
                .ok,
                Layout.page(
                    title: "Rejected study",
                    body: "<h1>Study rejected</h1>\n<p>\(HTML.escape(study.studyID ?? "This study")) could not be "
                        + "imported.</p>\n<h2>Import diagnostics</h2>\n" + DiagnosticList.render(study.diagnostics),
                    deidentified: deidentified))
        }
        let svg = try? Documents.render(rendered, format: .svg, options: DocumentOptions())
        let downloads = DocumentFormat.allCases.map { format in
            StudyPage.Download(
                label: format.label, href: "/study/\(number)/download/\(format.rawValue)",
                detail: Self.fileName(rendered.report.study.id, format))
        }
        let page = StudyPage.render(
            report: rendered.report, diagramSVG: svg.map { String(decoding: $0, as: UTF8.self) },
            diagnosticsHTML: DiagnosticList.render(study.diagnostics), downloads: downloads,
            deidentified: deidentified)
        return Reply.html(.ok, page)
    }

    func download(_ number: Int?, format: DocumentFormat?) async -> HTTPResponse {
        guard let number, let format, let rendered = await state.study(number)?.rendered else {
            return problem(.notFound, "Not found", "There is no such study or format.")
        }
        let options = DocumentOptions(creator: configuration.generator)
        do {
            let bytes = try Documents.render(rendered, format: format, options: options)
            return Reply.bytes(
                .ok, contentType: format.contentType, Data(bytes),
                fileName: Self.fileName(rendered.report.study.id, format))
        } catch {
            return problem(.unprocessableContent, "Cannot make this file", "\(error)")
        }
    }

    /// A file name from a study id: anything but letters, digits, `.`, `-` and `_` becomes `_`.
    static func fileName(_ id: String, _ format: DocumentFormat) -> String {
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        let trimmed = safe.drop { $0 == "." }.prefix(100)
        return (trimmed.isEmpty ? "study" : String(trimmed)) + "." + format.fileExtension
    }

    // MARK: Batches

    func openBatch(_ request: HTTPRequest) async -> HTTPResponse {
        let data: Data
        switch await body(of: request) {
        case .data(let body): data = body
        case .refused(let response): return response
        }
        let fields = FormFields(String(decoding: data, as: UTF8.self))
        guard let path = fields["folder"] else {
            return problem(.badRequest, "No folder", "Give the path of a batch output folder.")
        }
        do {
            let opened = try BatchFolder.open(path, deidentifying: deidentified)
            let number = await state.open(folder: opened.folder, index: opened.index, deidentified: opened.deidentified)
            return Reply.redirect("/batch/\(number)")
        } catch {
            return problem(.unprocessableContent, "Cannot open this folder", "\(error.description.capitalizedFirst).")
        }
    }

    func batch(_ number: Int?, _ request: HTTPRequest) async -> HTTPResponse {
        guard let number, let batch = await state.batch(number) else {
            return problem(.notFound, "No such batch", "No batch folder of this session has this number.")
        }
        var query = BatchPage.Query(request.query.map { ($0.name, $0.value) })
        do {
            var (rows, total) = try batch.index.browse(
                filter: query.filter, sort: query.sort, page: query.page, size: BatchPage.pageSize)
            if rows.isEmpty && total > 0 {
                // A page past the last (the filter changed, or a link was edited): the last page.
                query.page = (total + BatchPage.pageSize - 1) / BatchPage.pageSize
                (rows, total) = try batch.index.browse(
                    filter: query.filter, sort: query.sort, page: query.page, size: BatchPage.pageSize)
            }
            let choices = try await state.choices(batch)
            return Reply.html(
                .ok,
                BatchPage.render(
                    batch: batch, query: query, rows: rows, total: total, choices: choices, deidentified: deidentified))
        } catch {
            return problem(.internalServerError, "Cannot read the batch", "\(error)")
        }
    }

    func batchStudy(_ number: Int?, _ request: HTTPRequest) async -> HTTPResponse {
        guard let number, let batch = await state.batch(number) else {
            return problem(.notFound, "No such batch", "No batch folder of this session has this number.")
        }
        guard let source = request.query["source"], let ordinal = request.query["ordinal"].flatMap({ Int($0) }),
            let entry = try? batch.index.entry(source: source, ordinal: ordinal)
        else {
            return problem(.notFound, "No such study", "The batch holds no study at this place.")
        }
        let files = entry.reports.filter { BatchFolder.resolve($0, in: batch.folder) != nil }
        let downloads = files.compactMap { file -> StudyPage.Download? in
            guard let format = DocumentFormat.of(fileName: file) else { return nil }
            let href = "/batch/\(number)/file" + HTML.query([("path", file)])
            return StudyPage.Download(
                label: format.label, href: href, detail: String(file.split(separator: "/").last ?? ""))
        }
        let json = files.first { DocumentFormat.of(fileName: $0) == .json }
        let svg = files.first { DocumentFormat.of(fileName: $0) == .svg }
        guard let json, let report = Self.report(at: json, in: batch.folder) else {
            let body =
                "<h1>\(HTML.escape(entry.id ?? "Study"))</h1>\n<p>This batch wrote no JSON report for this study, so it "
                + "cannot be shown here; open its files:</p>\n<ul>\n"
                + downloads.map { "<li><a href=\"\(HTML.escape($0.href))\">\(HTML.escape($0.label))</a></li>\n" }
                .joined() + "</ul>\n<h2>Import diagnostics</h2>\n" + DiagnosticList.render(lines: entry.diagnostics)
            return Reply.html(.ok, Layout.page(title: entry.id ?? "Study", body: body, deidentified: deidentified))
        }
        let diagram = svg.flatMap { BatchFolder.resolve($0, in: batch.folder) }
            .flatMap { FileManager.default.contents(atPath: $0) }
            .map { String(decoding: $0, as: UTF8.self) }
        let page = StudyPage.render(
            report: report, diagramSVG: diagram, diagnosticsHTML: DiagnosticList.render(lines: entry.diagnostics),
            downloads: downloads, deidentified: deidentified)
        return Reply.html(.ok, page)
    }

    /// The JSON report at `relative` in the batch folder, decoded.
    static func report(at relative: String, in folder: String) -> StudyReport? {
        guard let path = BatchFolder.resolve(relative, in: folder),
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int,
            size <= BatchFolder.reportLimit,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return try? JSONDecoder().decode(StudyReport.self, from: data)
    }

    func batchFile(_ number: Int?, _ request: HTTPRequest) async -> HTTPResponse {
        guard let number, let batch = await state.batch(number) else {
            return problem(.notFound, "No such batch", "No batch folder of this session has this number.")
        }
        guard let relative = request.query["path"], let path = BatchFolder.resolve(relative, in: batch.folder),
            let format = DocumentFormat.of(fileName: relative)
        else {
            return problem(
                .forbidden, "Not a report of this batch",
                "Only the report files in the batch's reports folder can be opened.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return problem(.notFound, "Cannot read the file", "The report file cannot be read.")
        }
        let name = String(relative.split(separator: "/").last ?? "report")
        return Reply.bytes(.ok, contentType: format.contentType, data, fileName: name)
    }
}

/// Fields of an `application/x-www-form-urlencoded` body.
struct FormFields {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map(Self.decode) else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// A counter shared by concurrent requests.
final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}

/// A value shared between tasks.
final class Shared<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

/// Responses of the viewer.
enum Reply {
    static func html(_ status: HTTPStatusCode, _ page: String) -> HTTPResponse {
        bytes(status, contentType: "text/html; charset=utf-8", Data(page.utf8))
    }

    /// A file or page; with `fileName` it is downloaded as an attachment of that name.
    static func bytes(_ status: HTTPStatusCode, contentType: String, _ data: Data, fileName: String? = nil)
        -> HTTPResponse
    {
        var headers = HTTPHeaders()
        headers[.contentType] = contentType
        if let fileName {
            // The name is made of safe characters only (letters, digits, `.`, `-`, `_`).
            let safe = String(
                fileName.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
            headers[.contentDisposition] = "attachment; filename=\"\(safe)\""
        }
        return HTTPResponse(statusCode: status, headers: headers, body: data)
    }

    /// 303 See Other to `location` (a path of this viewer).
    static func redirect(_ location: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.location] = location
        headers[.contentType] = "text/html; charset=utf-8"
        let body =
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>See other</title></head>"
            + "<body><p><a href=\"\(HTML.escape(location))\">Continue</a></p></body></html>"
        return HTTPResponse(statusCode: .seeOther, headers: headers, body: Data(body.utf8))
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
