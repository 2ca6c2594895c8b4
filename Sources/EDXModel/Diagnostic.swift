/// A place in an input file: 1-based line and, for XML, 1-based byte column.
public struct SourceLocation: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line` or `path:line:column`, as compilers print it.
    public var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}

/// A problem found while reading an export.
///
/// A `warning` means a value or entry could not be read and was skipped: the study is still
/// imported. An `error` means a study cannot be trusted and was rejected (other studies in the same
/// file are still imported), or that the file could not be read at all.
///
/// Messages never contain a patient's name, birth date or identifiers.
public struct Diagnostic: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Hashable {
        case warning, error
    }

    public var severity: Severity
    /// The kind of problem; encoded as its stable identifier, e.g. `value.not-a-number`.
    public var code: DiagnosticCode
    public var location: SourceLocation
    /// The field, element or column concerned, when there is one.
    public var field: String?
    public var message: String
    /// The study it belongs to, when known.
    public var studyID: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, field: String? = nil,
        _ message: String,
        studyID: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.field = field
        self.message = message
        self.studyID = studyID
    }

    /// `path:line[:col]: error|warning: [field] message`.
    public var description: String {
        let fieldPart = field.map { "\($0): " } ?? ""
        return "\(location): \(severity.rawValue): \(fieldPart)\(message)"
    }
}
