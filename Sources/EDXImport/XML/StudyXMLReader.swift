import EDXModel
import XMLStreaming

/// Reads EDX Study XML 1.0: one `<EDXStudy>`, or an `<EDXArchive>` of any number of them, streamed
/// one study at a time.
struct StudyXMLReader {
    /// EDX Study XML nests at most six levels (archive, study, section, study block, site, value);
    /// anything deeper is refused before libxml2's own limit of 256 is reached.
    static let maximumDepth = 12
    static let namespace = "urn:edx:study:1"

    let path: String
    let displayPath: String
    /// How names of nerves, sites and muscles are read.
    let names: NameResolver

    init(path: String, displayPath: String, names: NameResolver = .builtIn) {
        self.path = path
        self.displayPath = displayPath
        self.names = names
    }

    mutating func read(_ body: (ImportedStudy) -> Void) -> ReaderOutcome {
        var outcome = ReaderOutcome()
        var reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(path: path)
        } catch {
            let problem: ImportProblem = error.kind == .empty ? .emptyFile : .unreadable(reason: error.message)
            outcome.diagnostics.append(
                Diagnostic(problem, at: SourceLocation(file: displayPath, line: max(error.line, 1))))
            outcome.unreadable = error.kind == .unreadable
            return outcome
        }
        var builder = XMLStudyBuilder(file: displayPath, names: names)
        var rootSeen = false
        var isArchive = false
        var studiesSeen = 0
        while true {
            let event: XMLEvent?
            do {
                event = try reader.next()
            } catch {
                let location = SourceLocation(file: displayPath, line: max(error.line, 1), column: error.column)
                let problem: ImportProblem =
                    error.kind == .unreadable
                    ? .unreadable(reason: error.message) : .malformedXML(detail: error.message)
                let diagnostic = Diagnostic(problem, at: location)
                if builder.inStudy {
                    body(builder.abandon(with: diagnostic))
                } else {
                    outcome.diagnostics.append(diagnostic)
                }
                outcome.unreadable = error.kind == .unreadable
                return outcome
            }
            guard let event else { break }
            let location = SourceLocation(
                file: displayPath, line: reader.position.line, column: reader.position.column)
            if reader.depth >= Self.maximumDepth, case .startElement(let name, _, _) = event {
                guard builder.inStudy else {
                    outcome.diagnostics.append(
                        Diagnostic(.tooDeepOutsideStudy(limit: Self.maximumDepth), at: location, field: name))
                    return outcome
                }
                // Inside a study: the study is rejected, the subtree skipped, and the next study is read
                // (unless the nesting reaches libxml2's own limit, which stops the file).
                builder.rejectOnce(Diagnostic(.tooDeep(limit: Self.maximumDepth), at: location, field: name))
                if !builder.isSkippingSubtree { builder.skip(depth: reader.depth, isEmpty: event.isEmptyStart) }
                continue
            }
            switch event {
            case .documentType:
                outcome.diagnostics.append(Diagnostic(.doctype, at: location))
                continue
            case .startElement(let name, _, _) where !rootSeen:
                rootSeen = true
                switch name {
                case "EDXArchive":
                    isArchive = true
                    continue
                case "EDXStudy":
                    break
                default:
                    outcome.diagnostics.append(Diagnostic(.wrongRoot(element: name), at: location, field: name))
                    return outcome
                }
            case .startElement(let name, _, _) where isArchive && reader.depth == 1:
                guard name == "EDXStudy" else {
                    outcome.diagnostics.append(
                        Diagnostic(.unexpectedInArchive(element: name), at: location, field: name))
                    builder.skip(depth: reader.depth, isEmpty: event.isEmptyStart)
                    continue
                }
            default:
                break
            }
            if builder.isSkipping(depth: reader.depth, event: event) { continue }
            if case .startElement("EDXStudy", _, _) = event {
                studiesSeen += 1
                builder.begin(at: location)
                continue
            }
            if case .endElement("EDXStudy") = event {
                body(builder.finish())
                continue
            }
            if builder.inStudy {
                builder.handle(event, at: location, depth: reader.depth)
            } else if case .startElement(let name, _, _) = event {
                outcome.diagnostics.append(
                    Diagnostic(.unexpectedOutsideStudy(element: name), at: location, field: name))
                builder.skip(depth: reader.depth, isEmpty: event.isEmptyStart)
            }
        }
        if studiesSeen == 0 && rootSeen && isArchive {
            outcome.diagnostics.append(Diagnostic(.emptyArchive, at: SourceLocation(file: displayPath, line: 1)))
        }
        return outcome
    }
}

extension XMLEvent {
    var isEmptyStart: Bool {
        if case .startElement(_, _, let isEmpty) = self { return isEmpty }
        return false
    }
}
