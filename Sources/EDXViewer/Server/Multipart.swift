import Foundation

/// A `multipart/form-data` body (RFC 7578), parsed from memory.
struct Multipart {
    /// One part: its form field name, the file name the browser gave (for file inputs) and its bytes.
    struct Part {
        var name: String
        var fileName: String?
        var data: Data
    }

    /// Why a body could not be read as a form.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case notMultipart
        case noBoundary
        case malformed

        var description: String {
            switch self {
            case .notMultipart: "the request is not a multipart/form-data upload"
            case .noBoundary: "the upload gives no multipart boundary"
            case .malformed: "the upload is not a well-formed multipart/form-data body"
            }
        }
    }

    var parts: [Part]

    /// Parses `body` sent with `contentType` (`multipart/form-data; boundary=…`).
    init(contentType: String?, body: Data) throws(Failure) {
        guard let contentType,
            contentType.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("multipart/form-data")
        else { throw .notMultipart }
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.count <= 200
        else { throw .noBoundary }
        parts = try Self.split(body, boundary: Data(("--" + boundary).utf8))
    }

    /// The value of `name=` in a header value, unquoted.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }

    private static func split(_ body: Data, boundary: Data) throws(Failure) -> [Part] {
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard let first = body.range(of: boundary) else { throw .malformed }
        var parts: [Part] = []
        var cursor = first.upperBound
        while true {
            // After a boundary: `--` ends the body, CRLF starts a part.
            let rest = body[cursor...]
            if rest.starts(with: Data("--".utf8)) { break }
            guard rest.starts(with: crlf) else { throw .malformed }
            let partStart = cursor + crlf.count
            guard let headersRange = body.range(of: headerEnd, in: partStart..<body.endIndex) else {
                throw .malformed
            }
            let headers = String(decoding: body[partStart..<headersRange.lowerBound], as: UTF8.self)
            guard let next = body.range(of: crlf + boundary, in: headersRange.upperBound..<body.endIndex) else {
                throw .malformed
            }
            let data = body[headersRange.upperBound..<next.lowerBound]
            var name: String?
            var fileName: String?
            for line in headers.components(separatedBy: "\r\n") {
                let pair = line.split(separator: ":", maxSplits: 1)
                guard pair.count == 2,
                    pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition"
                else { continue }
                let value = String(pair[1])
                name = parameter("name", in: value)
                fileName = parameter("filename", in: value)
            }
            guard let name else { throw .malformed }
            parts.append(Part(name: name, fileName: fileName, data: Data(data)))
            cursor = next.upperBound
        }
        return parts
    }
}
