#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of a delimited file.
public struct CSVRecord: Sendable, Hashable {
    /// The fields, decoded to text. A field whose bytes could not be decoded is empty and listed in
    /// ``undecodableFields``.
    public var fields: [String]
    /// Whether each field was written in quotes.
    public var quoted: [Bool]
    /// The 1-based line on which the record starts.
    public var line: Int
    /// The 1-based line on which the record ends (later than ``line`` when a quoted field holds newlines).
    public var endLine: Int
    /// Indexes of fields whose bytes are not valid in the file's encoding.
    public var undecodableFields: [Int]

    /// True when every field is empty (a blank or `;;;` separator row).
    public var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// A syntax problem. After a non-fatal error, the tokenizer resumes at the next line.
public struct CSVSyntaxError: Error, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case unreadable, empty, unterminatedQuote, strayQuote, fieldTooLong
        /// An unquoted field over the size limit: its row is skipped, reading goes on.
        case oversizedField
    }

    public var kind: Kind
    public var line: Int
    public var column: Int?
    public var message: String
    /// Whether reading can go on after this error.
    public var isFatal: Bool {
        switch kind {
        case .unreadable, .empty, .unterminatedQuote, .fieldTooLong: true
        case .strayQuote, .oversizedField: false
        }
    }
}

/// The character encoding a file was read in.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
}

/// A strict RFC 4180 tokenizer that streams a file in bounded memory.
///
/// - Delimiter `,`, `;` or tab, chosen from the first non-blank line (the one that occurs most
///   often outside quotes there).
/// - Quoted fields may hold delimiters, doubled quotes and newlines; an unterminated quote, or a
///   quote in the middle of an unquoted field, is an error with its line and column, never
///   silently absorbed.
/// - Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (transcoded as the file streams),
///   and Windows-1252, chosen once per file at its first non-ASCII byte sequence: if that is valid
///   UTF-8 the file is UTF-8 and a later invalid sequence is reported; otherwise it is Windows-1252.
/// - Line ends LF, CRLF or a lone CR.
public struct CSVTokenizer {
    /// Quoted fields longer than this are taken as an unterminated quote swallowing the file; an
    /// unquoted field longer than this loses its row (no EDX export has a value near this size, and
    /// holding one would let a single hostile value take the memory).
    public static let maximumFieldBytes = 1 << 20

    private var source: ByteSource
    private var line = 1
    private var column = 1
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    public private(set) var encoding: TextEncoding = .utf8
    private var encodingDecided = false
    private var field: [UInt8] = []

    /// Opens `path`.
    ///
    /// - Throws: ``CSVSyntaxError`` of kind `.unreadable` or `.empty`.
    public init(path: String) throws(CSVSyntaxError) {
        source = try ByteSource(path: path)
        encoding = source.encoding
        encodingDecided = source.encoding != .utf8
        delimiter = source.detectDelimiter()
    }

    /// The delimiter as text, for messages.
    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ";"): "';'"
        case UInt8(ascii: "\t"): "tab"
        default: "','"
        }
    }

    /// Reads the next record.
    ///
    /// - Returns: the record, or `nil` at the end of the file.
    /// - Throws: ``CSVSyntaxError``; when it is not fatal, the rest of that line was skipped and
    ///   reading may continue.
    public mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        guard source.peek() != nil else { return nil }
        var record = CSVRecord(fields: [], quoted: [], line: line, endLine: line, undecodableFields: [])
        while true {
            let (wasQuoted, ended) = try readField(recordLine: record.line)
            if let text = decode(field) {
                record.fields.append(text)
            } else {
                record.undecodableFields.append(record.fields.count)
                record.fields.append("")
            }
            record.quoted.append(wasQuoted)
            if ended {
                record.endLine = line - 1
                return record
            }
        }
    }

    /// Reads one field into `field`; returns whether it was quoted and whether the record ended.
    private mutating func readField(recordLine: Int) throws(CSVSyntaxError) -> (quoted: Bool, recordEnded: Bool) {
        field.removeAll(keepingCapacity: true)
        guard source.peek() == UInt8(ascii: "\"") else {
            while let byte = source.next() {
                switch byte {
                case delimiter:
                    column += 1
                    return (false, false)
                case 0x0A:
                    newLine()
                    return (false, true)
                case 0x0D:
                    if source.peek() == 0x0A { _ = source.next() }
                    newLine()
                    return (false, true)
                case UInt8(ascii: "\""):
                    let error = CSVSyntaxError(
                        kind: .strayQuote, line: line, column: column,
                        message: "a quote inside an unquoted field; quote the whole field and double inner quotes")
                    skipRestOfLine()
                    throw error
                default:
                    column += 1
                    field.append(byte)
                    if field.count > Self.maximumFieldBytes {
                        let error = CSVSyntaxError(
                            kind: .oversizedField, line: line, column: column - field.count,
                            message: "a field longer than \(Self.maximumFieldBytes / (1 << 20)) MiB, which no EDX "
                                + "export holds")
                        field.removeAll()
                        skipRestOfLine()
                        throw error
                    }
                }
            }
            newLine()
            return (false, true)
        }
        let openLine = line
        let openColumn = column
        _ = source.next()
        column += 1
        while true {
            guard let byte = source.next() else {
                throw CSVSyntaxError(
                    kind: .unterminatedQuote, line: openLine, column: openColumn,
                    message:
                        "unterminated quoted field: the quote opened here is never closed before the end of the file")
            }
            if byte == UInt8(ascii: "\"") {
                column += 1
                if source.peek() == UInt8(ascii: "\"") {
                    _ = source.next()
                    column += 1
                    field.append(byte)
                    continue
                }
                // The closing quote must end the field.
                switch source.peek() {
                case nil:
                    _ = source.next()
                    newLine()
                    return (true, true)
                case delimiter:
                    _ = source.next()
                    column += 1
                    return (true, false)
                case 0x0A:
                    _ = source.next()
                    newLine()
                    return (true, true)
                case 0x0D:
                    _ = source.next()
                    if source.peek() == 0x0A { _ = source.next() }
                    newLine()
                    return (true, true)
                default:
                    let error = CSVSyntaxError(
                        kind: .strayQuote, line: line, column: column,
                        message:
                            "text after the closing quote of a field that opened at line \(openLine), column \(openColumn)"
                    )
                    skipRestOfLine()
                    throw error
                }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if source.peek() != 0x0A {
                    line += 1
                    column = 1
                }
            } else {
                column += 1
            }
            field.append(byte)
            if field.count > Self.maximumFieldBytes {
                throw CSVSyntaxError(
                    kind: .fieldTooLong, line: openLine, column: openColumn,
                    message:
                        "quoted field runs past \(Self.maximumFieldBytes / (1 << 20)) MiB: probably an unterminated quote"
                )
            }
        }
    }

    private mutating func newLine() {
        line += 1
        column = 1
    }

    private mutating func skipRestOfLine() {
        source.skipLine()
        newLine()
    }

    /// Decodes a field, settling the file's encoding at its first non-ASCII field.
    private mutating func decode(_ bytes: [UInt8]) -> String? {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if !encodingDecided {
            encodingDecided = true
            if String(validating: bytes, as: UTF8.self) == nil { encoding = .windows1252 }
        }
        if encoding == .windows1252 { return Windows1252.decode(bytes) }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Writing fields the tokenizer reads back: RFC 4180 quoting where a field needs it.
public enum CSVField {
    /// `text`, quoted (inner quotes doubled) when it holds the delimiter, a quote or a line end.
    public static func quoted(_ text: String, delimiter: Character = ",") -> String {
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
