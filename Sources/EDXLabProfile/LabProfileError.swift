public import EDXReference

/// Why a lab profile cannot be used, with where: the one place where the English text of profile
/// errors is written.
///
/// Printed as `path:line[:col]: error: field: reason`, as compilers and the import diagnostics print
/// their problems. The column is given where YAML gives one.
public struct LabProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The profile as it was named on the command line.
    public var file: String
    /// 1-based; 1 for problems of the whole file.
    public var line: Int
    /// 1-based, in Unicode scalars, where the YAML parser gives one.
    public var column: Int?
    /// The field concerned (`limits[1].unit`, `aliases.nerves["Peron Mot"]`), or `profile` for the
    /// whole file.
    public var field: String
    public var reason: Reason

    public init(file: String, line: Int, column: Int? = nil, field: String, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.reason = reason
    }

    /// `path:line[:col]: error: field: reason`.
    public var description: String {
        let place = column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
        return "\(place): error: \(field): \(reason)"
    }

    /// The vocabularies a profile names values of.
    public enum Vocabulary: String, Sendable, Hashable {
        case nerve
        case muscle
        case stimulationSite = "stimulation site"
        case recordingSite = "recording site"
    }

    /// What is wrong. A case carries what its text needs; text read from the file is quoted here.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The file cannot be opened or read; `detail` is the system's explanation.
        case unreadable(detail: String)
        /// Larger than `limit` bytes.
        case tooLarge(limit: Int)
        /// Bytes that are not UTF-8.
        case notUTF8
        /// The YAML parser cannot read on; `detail` is its explanation.
        case malformedYAML(detail: String)
        /// No document, or only comments.
        case empty
        /// A key given twice in one mapping.
        case givenTwice
        /// The value has the wrong shape: `expected` says which (`a mapping`, `a list`, `text`).
        case wrongType(expected: String)
        /// A required field is absent, or its value is empty.
        case missing
        /// A key the schema does not have; `allowed` are the keys it has there.
        case unknownField(allowed: [String])
        /// The profile's name is not one line of at most `maximumLength` characters.
        case badName(maximumLength: Int)
        /// A name with nothing left to compare once case, spaces and punctuation are ignored.
        case emptyAlias
        /// `value` is no canonical name of `vocabulary`; `suggestion` is the canonical name the
        /// built-in vocabulary reads it as, when it does.
        case unknownName(Vocabulary, value: String, suggestion: String?)
        /// The built-in vocabulary already reads the alias as `builtIn` (for `nerve`, when the
        /// meaning depends on the nerve), so the alias would not apply.
        case shadowedAlias(builtIn: String, nerve: String?)
        /// Another alias of the same vocabulary on `firstLine` has the same comparison key.
        case repeatedAlias(firstLine: Int)
        case unknownKind(String)
        case unknownMeasure(String)
        /// `measure` is not a value of a `kind` study that a lab limit can judge.
        case measureNotInStudy(measure: Measure, kind: String)
        /// A recording given for a study other than a motor study.
        case recordingNotMotor
        /// Neither `lower:` nor `upper:`; `expected` is the bound the measure takes.
        case missingBound(expected: Bound)
        /// The bound that is not normal for `measure` (an upper amplitude limit).
        case wrongBound(measure: Measure, expected: Bound)
        /// Both `lower:` and `upper:`.
        case bothBounds
        /// Not a positive finite number.
        case notAPositiveNumber(String)
        /// `given` is not a unit of the value, whose canonical unit is `expected`.
        case wrongUnit(given: String, expected: String)
        /// `ages` is not two whole numbers of years, the first below the second.
        case badAges
        /// A limit for the same study, measure and overlapping ages is already given on `firstLine`.
        case repeatedLimit(firstLine: Int)

        public var description: String {
            switch self {
            case .unreadable(let detail): "cannot be read: \(detail)"
            case .tooLarge(let limit): "larger than \(limit / 1024) KiB: a lab profile is a short text file"
            case .notUTF8: "not UTF-8 text"
            case .malformedYAML(let detail): "malformed YAML: \(detail)"
            case .empty: "no content: a lab profile needs at least `name:`"
            case .givenTwice: "given twice"
            case .wrongType(let expected): "must be \(expected)"
            case .missing: "missing"
            case .unknownField(let allowed): "unknown field (expected \(Self.list(allowed)))"
            case .badName(let length): "must be one line of at most \(length) characters"
            case .emptyAlias: "a name must have a letter or digit"
            case .unknownName(let vocabulary, let value, let suggestion):
                "unknown \(vocabulary.rawValue) \(quoted(value))"
                    + (suggestion.map { "; the canonical name is \($0)" }
                        ?? " (canonical names: docs/formats.md, Vocabulary)")
            case .shadowedAlias(let builtIn, let nerve):
                "the built-in vocabulary already reads this name as \(builtIn)"
                    + (nerve.map { " for the \($0) nerve" } ?? "")
                    + ", and built-in names keep priority"
            case .repeatedAlias(let line): "the same name is already an alias on line \(line)"
            case .unknownKind(let kind):
                "unknown study kind \(quoted(kind)) (expected motor, sensory, f-wave or h-reflex)"
            case .unknownMeasure(let measure):
                "unknown measure \(quoted(measure)) (expected \(Self.list(Measure.allCases.map(\.rawValue))))"
            case .measureNotInStudy(let measure, let kind):
                "a \(kind) study has no \(measure.rawValue) that a lab limit judges"
            case .recordingNotMotor: "only a motor study has a recording muscle here"
            case .missingBound(let expected): "missing: give `\(expected.rawValue):`"
            case .wrongBound(let measure, let expected):
                "\(measure.rawValue) takes `\(expected.rawValue):` (the normal side of its limit)"
            case .bothBounds: "give one bound, `lower:` or `upper:`, not both"
            case .notAPositiveNumber(let text): "not a positive number: \(quoted(text))"
            case .wrongUnit(let given, let expected): "\(quoted(given)) is not a unit of this value (\(expected))"
            case .badAges: "must be [from, to]: whole years, from inclusive, to exclusive, from below to"
            case .repeatedLimit(let line):
                "a limit for the same study, measure and ages is already given on line \(line)"
            }
        }

        private static func list(_ items: [String]) -> String {
            guard let last = items.last else { return "" }
            return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
        }
    }
}

/// `text` in double quotes, shortened to 60 characters, control characters escaped.
func quoted(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars.prefix(60) {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case _ where scalar.properties.generalCategory == .control:
            result += "\\u{\(String(scalar.value, radix: 16))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return "\"" + result + (text.unicodeScalars.count > 60 ? "…" : "") + "\""
}
