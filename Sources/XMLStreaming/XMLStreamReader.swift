internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One attribute of a start tag, with the namespace prefix removed.
public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String
}

/// What the pull reader delivers, one node at a time.
public enum XMLEvent: Sendable, Hashable {
    /// A start tag. `isEmpty` is true for `<a/>`, which has no matching ``endElement(name:)``.
    case startElement(name: String, attributes: [XMLAttribute], isEmpty: Bool)
    case endElement(name: String)
    /// Character data inside an element (CDATA included).
    case text(String)
    /// A `<!DOCTYPE …>` declaration. Its DTD is never loaded.
    case documentType(name: String)
    /// An entity reference that was not expanded (edx never substitutes entities).
    case entityReference(name: String)
}

/// Where an event starts in the file: 1-based line and, when it could be found, 1-based byte column.
public struct XMLPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int?
}

/// A fatal problem with the document: it is not well-formed, cannot be read, or breaks a limit.
public struct XMLStreamError: Error, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be opened or read.
        case unreadable
        /// The file holds no bytes.
        case empty
        /// libxml2 found the document not well-formed (or refused it, e.g. an entity bomb).
        case malformed
    }

    public var kind: Kind
    public var line: Int
    public var column: Int?
    public var message: String
}

/// Streams the nodes of an XML file through libxml2's `xmlTextReader`, in bounded memory.
///
/// The parser runs with a fixed, hardened option set: no network (`XML_PARSE_NONET`), no entity
/// substitution, no DTD loading, no `XML_PARSE_HUGE` (so libxml2 keeps its depth and text-size
/// limits), no recovery (a malformed document is an error, never silently repaired), and
/// `XML_PARSE_BIG_LINES` so that line numbers do not stop at 65535.
///
/// Line numbers are libxml2's node lines (`xmlGetLineNo`), which are exact. libxml2's reader only
/// knows the parser's look-ahead column, so columns are recovered from a bounded window of the most
/// recently read bytes: the start tag is looked up on its line. Where the line has already left the
/// window (a text node of megabytes), the column is `nil`.
public struct XMLStreamReader: ~Copyable {
    private static let options: Int32 =
        Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
        | Int32(XML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)

    private let reader: xmlTextReaderPtr
    private let input: InputWindow
    private let sink: ErrorSink
    private var nameCache: [UnsafeRawPointer: String] = [:]
    private var occurrenceLine = 0
    private var occurrences: [String: Int] = [:]

    /// The position of the node returned by the last call to ``next()``.
    public private(set) var position = XMLPosition(line: 0, column: nil)
    /// The element nesting depth of that node (the root element is 0).
    public private(set) var depth = 0

    /// Opens `path` for streaming.
    ///
    /// - Throws: ``XMLStreamError`` with kind `.unreadable` when the file cannot be opened,
    ///   `.empty` when it holds no bytes.
    public init(path: String) throws(XMLStreamError) {
        Self.initializeOnce
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw XMLStreamError(kind: .unreadable, line: 0, column: nil, message: "cannot open file: \(reason)")
        }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG || (status.st_mode & S_IFMT) == S_IFIFO
        else {
            close(fd)
            throw XMLStreamError(kind: .unreadable, line: 0, column: nil, message: "not a regular file")
        }
        if (status.st_mode & S_IFMT) == S_IFREG && status.st_size == 0 {
            close(fd)
            throw XMLStreamError(kind: .empty, line: 1, column: nil, message: "the file is empty")
        }
        let window = InputWindow(fd: fd)
        let context = Unmanaged.passUnretained(window).toOpaque()
        guard
            let created = xmlReaderForIO(
                { context, buffer, length in
                    guard let context, let buffer, length > 0 else { return -1 }
                    let window = Unmanaged<InputWindow>.fromOpaque(context).takeUnretainedValue()
                    return window.read(into: UnsafeMutableRawPointer(buffer), capacity: Int(length))
                },
                { _ in 0 },  // the window owns the descriptor and closes it in deinit
                context, path, nil, Self.options)
        else {
            throw XMLStreamError(kind: .unreadable, line: 0, column: nil, message: "libxml2 could not create a reader")
        }
        let sink = ErrorSink()
        xmlTextReaderSetStructuredErrorHandler(
            created,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
            },
            Unmanaged.passUnretained(sink).toOpaque())
        self.reader = created
        self.input = window
        self.sink = sink
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Initializes libxml2 once per process, before any concurrent use (libxml2's own advice).
    /// `xmlCleanupParser` is never called: it is process-global.
    private static let initializeOnce: Void = { xmlInitParser() }()

    /// Advances to the next node of interest.
    ///
    /// - Returns: the event, or `nil` at the end of the document.
    /// - Throws: ``XMLStreamError`` when libxml2 reports the document not well-formed.
    public mutating func next() throws(XMLStreamError) -> XMLEvent? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                if let failure = input.failure {
                    throw XMLStreamError(kind: .unreadable, line: 0, column: nil, message: failure)
                }
                return nil
            }
            guard status == 1 else { throw currentError() }
            let type = xmlTextReaderNodeType(reader)
            let node = xmlTextReaderCurrentNode(reader)
            depth = Int(xmlTextReaderDepth(reader))
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = localName()
                let line = Int(xmlGetLineNo(node))
                position = XMLPosition(line: line, column: column(ofStartTag: name, line: line))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                return .startElement(name: name, attributes: attributes(), isEmpty: isEmpty)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                position = XMLPosition(line: Int(xmlGetLineNo(node)), column: nil)
                return .endElement(name: localName())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                position = XMLPosition(line: Int(xmlGetLineNo(node)), column: nil)
                // Borrowed from the reader: valid until the next read, never freed here.
                let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                return .text(value)
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                position = XMLPosition(line: input.line(ofFirst: "<!DOCTYPE") ?? 1, column: nil)
                return .documentType(name: localName())
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                position = XMLPosition(line: Int(xmlGetLineNo(node)), column: nil)
                return .entityReference(name: localName())
            default:
                continue  // whitespace, comments, processing instructions
            }
        }
    }

    private func currentError() -> XMLStreamError {
        if let failure = input.failure {
            return XMLStreamError(kind: .unreadable, line: 0, column: nil, message: failure)
        }
        if let first = sink.first {
            return XMLStreamError(kind: .malformed, line: first.line, column: first.column, message: first.message)
        }
        return XMLStreamError(kind: .malformed, line: position.line, column: nil, message: "the XML parser stopped")
    }

    /// The local name (prefix removed) of the current node, cached by libxml2's interned pointer.
    private mutating func localName() -> String {
        // Borrowed from the parser's dictionary (XML_PARSE_COMPACT, dictionary names): never freed here,
        // and stable for the reader's lifetime, which makes the pointer a safe cache key.
        guard let pointer = xmlTextReaderConstLocalName(reader) else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let cached = nameCache[key] { return cached }
        let name = String(cString: pointer)
        if nameCache.count < 4096 { nameCache[key] = name }
        return name
    }

    private mutating func attributes() -> [XMLAttribute] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var result: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let name = localName()
            // Borrowed: valid until the reader moves, never freed here.
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            if name == "xmlns" || (xmlTextReaderConstPrefix(reader).map { String(cString: $0) } == "xmlns") {
                continue
            }
            result.append(XMLAttribute(name: name, value: value))
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// The column of the `k`-th start tag named `name` on `line`, where `k` counts the start tags of
    /// that name already seen on the same line.
    private mutating func column(ofStartTag name: String, line: Int) -> Int? {
        if line != occurrenceLine {
            occurrenceLine = line
            occurrences.removeAll(keepingCapacity: true)
        }
        let index = occurrences[name, default: 0]
        occurrences[name] = index + 1
        return input.column(ofStartTag: name, occurrence: index, line: line)
    }
}

/// Collects libxml2's structured errors for one reader; nothing goes to stderr or global state.
private final class ErrorSink {
    var first: (line: Int, column: Int?, message: String)?

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, first == nil else { return }
        let text = error.message.map { String(cString: $0) } ?? "XML error"
        // libxml2 messages may span lines ("…\nBytes: 0xFF …"); diagnostics are one line each.
        let message = String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 }).trimmingCharacters()
        first = (Int(error.line), error.int2 > 0 ? Int(error.int2) : nil, message)
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        return String(scalars)
    }
}
