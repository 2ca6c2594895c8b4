import EDXModel
import StrictCSV

/// Every problem the readers report, each with its code, severity and message: the one place where
/// the English text of import diagnostics is written.
///
/// A case carries what its message needs (the text read, the quantity, a line) and nothing else.
/// Text read from a file is passed as read and quoted here (shortened, control characters escaped);
/// a protected value (a birth date) is never repeated. Only the explanations of the tokenizers
/// (`XMLStreamError.message`, `CSVSyntaxError.message`) come from their own modules.
enum ImportProblem {
    // MARK: Files

    /// The file cannot be read; `reason` is the reader's explanation, shown as it is.
    case unreadable(reason: String)
    /// Format detection cannot open the file; `reason` is the system's.
    case cannotOpen(reason: String)
    /// The path names a directory.
    case isDirectory
    /// Format detection cannot read the file's first bytes; `reason` is the system's.
    case readError(reason: String)
    /// The file is empty, or only white space.
    case emptyFile
    /// A measurements-csv without a single row.
    case noHeaderRow
    /// A file that was read to its end without a study in it (a header without rows, an empty archive).
    case noStudy
    /// The first line with content is none of the three formats.
    case notAnExport
    /// The first bytes hold only delimiters and blank lines.
    case onlyDelimiters

    // MARK: study-xml

    /// libxml2 cannot go on; `detail` is its explanation.
    case malformedXML(detail: String)
    /// The root element is not `<EDXStudy>` or `<EDXArchive>`.
    case wrongRoot(element: String)
    case doctype
    case entity(name: String)
    /// Nesting deeper than `limit` inside a study: the subtree is skipped, the study rejected.
    case tooDeep(limit: Int)
    /// Nesting deeper than `limit` outside any study: reading stops.
    case tooDeepOutsideStudy(limit: Int)
    /// An unknown element that starts a subtree, skipped whole.
    case unknownElement(String)
    /// An unknown element that holds a value.
    case unknownValueElement(String)
    case unexpectedInArchive(element: String)
    case unexpectedOutsideStudy(element: String)
    case unknownMUAPAttribute
    case emptyArchive
    case missingStudyID
    case twoStudyIDs
    case unknownMethod(String)
    /// The side attribute of `element` is missing (`nil`) or unreadable; the element is skipped.
    case unknownElementSide(String?, element: String)
    /// A `noResponse` attribute that is not a flag; taken as false.
    case notTrueOrFalse(String)

    // MARK: CSV

    /// A tokenizer error in a summary-csv (its single study is rejected).
    case summaryCSVError(CSVSyntaxError)
    /// A tokenizer error in a measurements-csv: its row is lost, or reading stops when it is fatal.
    case measurementsCSVError(CSVSyntaxError)
    /// A summary-csv row without the file's delimiter.
    case notDelimitedLikeFile(fileDelimiter: String)
    /// A measurements-csv row delimited by `rowDelimiter` instead of the file's delimiter.
    case delimitedDifferently(rowDelimiter: Character, fileDelimiter: String)
    /// Undecodable bytes in a summary-csv value.
    case undecodableValue(TextEncoding)
    /// Undecodable bytes in a measurements-csv row.
    case undecodableRow(TextEncoding)
    case missingColumns([String])
    case fieldCount(Int, header: Int)
    case rowWithoutStudyID
    /// Rows of study `id` at `line`, after its earlier rows at `firstLine`–`lastLine`.
    case studyReappears(id: String, line: Int, firstLine: Int, lastLine: Int)
    case unknownHeaderKey
    case unknownColumn
    /// A summary-csv column header with a unit unknown for the column's quantity.
    case unknownColumnUnit(String, Quantity)
    /// A summary-csv value column whose header gives no unit: its values are skipped.
    case missingColumnUnit(Quantity)
    /// A summary-csv Norm column without a unit whose value column has none either: its limits are skipped.
    case missingNormUnit
    case unknownKind(String)
    case unknownParameter(String, kind: String)
    case segmentParameter(String)
    case siteBeforeNerve
    /// A summary-csv velocity without Site1 and Site2.
    case velocityWithoutSites
    /// A measurements-csv velocity row without segment_to.
    case velocityWithoutSegmentTo
    case halfSegment
    case sensorySegment
    case badNerveCell(String)
    /// A CSV row's side that cannot be read; the row is skipped.
    case unknownRowSide(String, expected: Expected)
    /// The study date or a demographic (age, sex, height, weight) given again with another value:
    /// the first is kept. `firstLine` when the first is known.
    case keptFirst(firstLine: Int?)
    /// Two patient ids in one study: it cannot be trusted.
    case differentPatients
    /// A measurements-csv no_response value that is not a flag; skipped.
    case notAFlag(String)

    // MARK: Names

    case unknownNerve(String)
    case unknownStimulationSite(String)
    case unknownRecordingSite(String)
    /// A summary-csv segment end outside the vocabulary.
    case unknownSegmentEnd(String)
    case unknownMuscle(String)

    // MARK: Values

    case notANumber(String)
    /// A summary-csv header value that is not a number of `quantity`.
    case notAQuantity(String, Quantity)
    /// A summary-csv header value that is not a number of `quantity` with its unit.
    case notAQuantityWithUnit(String, Quantity)
    /// A summary-csv temperature entry without a number.
    case noTemperature(String)
    case missingUnit(Quantity)
    case unknownUnit(String, Quantity)
    /// A unit that matches `spelling` only when case is ignored, read as `spelling`; `column` for a
    /// summary-csv column header.
    case wrongCaseUnit(String, readAs: String, column: Bool)
    /// A milli unit (`spelling`) written with a capital M, which is mega: the value (or the column) is skipped.
    case megaForMilli(String, spelling: String, column: Bool)
    /// An element (study-xml) or a row (measurements-csv) without a value: it is skipped.
    case emptyValue(ExportFormat)
    /// A summary-csv age in an unknown unit.
    case unknownAgeUnit(String)
    /// `value` (in the canonical unit of `quantity`) outside the possible `range`.
    case impossible(Double, Quantity, range: Plausibility.Range)
    case unknownGrade(String, expected: Expected)
    case unknownTemperatureSide(String)
    /// The study date or the birth date (`dated`) that cannot be read, or is no day of the calendar;
    /// `isoOnly` when the format accepts YYYY-MM-DD alone. Dates are protected information: the
    /// message never repeats the value.
    case badDate(Dated, DateFault, isoOnly: Bool)
    case badLimit(String)
    /// A no-response site with values, as the format names the mark.
    case noResponseWithValues(ExportFormat)
    /// A value given a second time, differently; `firstLine` when the first is known.
    case conflict(firstLine: Int?)
    /// An entry given twice with the same values.
    case duplicate(Entry, firstLine: Int)
    /// An entry given twice with different values.
    case conflictingCopies(Entry, firstLine: Int)

    /// The values a grade, category or side can take, as a message lists them.
    enum Expected {
        case sex, summarySex
        case spontaneousGrade
        case activity, abbreviatedActivity
        case recruitment, abbreviatedRecruitment
        case polyphasia, abbreviatedPolyphasia, summaryPolyphasia
        case summarySide, measurementSide

        var text: String {
            switch self {
            case .sex: "F, M, O or U"
            case .summarySex: "F or M"
            case .spontaneousGrade: "0, +/-, 1+, 2+, 3+ or 4+"
            case .activity: "Normal, Increased or Decreased"
            case .abbreviatedActivity: "Nml, Incr or Decr"
            case .recruitment: "Normal, Reduced, Discrete, None or Early"
            case .abbreviatedRecruitment: "Nml, Reduced, Discrete, None or Early"
            case .polyphasia: "Normal, Increased or a count"
            case .abbreviatedPolyphasia: "Nml, Incr or a count"
            case .summaryPolyphasia: "Nml, Incr or a count 0…4+"
            case .summarySide: "Left, Right, L, R, D or I"
            case .measurementSide: "L, R, Left, Right, D or I"
            }
        }
    }

    /// The date a ``badDate(_:_:isoOnly:)`` is about.
    enum Dated {
        case study, birth
    }

    /// Why a date is not read.
    enum DateFault {
        /// It is not a date in a form edx reads.
        case unreadable
        /// It names a day the month does not have.
        case notOnCalendar
    }

    /// An entry of a study that may be given only once.
    enum Entry {
        case motorStudy, stimulationSite, segment, sensoryStudy, fWaveStudy, hReflexStudy, needleMuscle
        /// A measurements-csv row: the same row twice.
        case measurementRow

        var name: String {
            switch self {
            case .motorStudy: "motor study"
            case .stimulationSite: "stimulation site"
            case .segment: "segment"
            case .sensoryStudy: "sensory study"
            case .fWaveStudy: "F-wave study"
            case .hReflexStudy: "H-reflex study"
            case .needleMuscle: "needle muscle"
            case .measurementRow: "row"
            }
        }
    }

    var code: DiagnosticCode {
        switch self {
        case .unreadable, .cannotOpen, .isDirectory, .readError: .fileUnreadable
        case .emptyFile, .noHeaderRow, .noStudy: .fileEmpty
        case .notAnExport, .onlyDelimiters: .formatUnknown
        case .malformedXML: .xmlMalformed
        case .wrongRoot: .xmlWrongRoot
        case .doctype: .xmlDoctype
        case .entity: .xmlEntity
        case .tooDeep, .tooDeepOutsideStudy: .xmlTooDeep
        case .unknownElement, .unknownValueElement, .unexpectedInArchive, .unexpectedOutsideStudy: .xmlUnknownElement
        case .unknownMUAPAttribute: .xmlUnknownAttribute
        case .emptyArchive: .xmlEmptyArchive
        case .missingStudyID: .studyMissingID
        case .summaryCSVError(let error), .measurementsCSVError(let error):
            error.kind == .unreadable ? .fileUnreadable : .csvSyntax
        case .notDelimitedLikeFile, .delimitedDifferently: .csvMixedDelimiters
        case .undecodableValue, .undecodableRow: .csvInvalidEncoding
        case .missingColumns: .csvMissingColumn
        case .fieldCount: .csvFieldCount
        case .rowWithoutStudyID: .csvMissingStudyID
        case .studyReappears: .csvStudyReappears
        case .unknownHeaderKey: .csvUnknownKey
        case .unknownColumn: .csvUnknownColumn
        case .missingColumnUnit, .missingNormUnit: .unitMissing
        case .wrongCaseUnit, .megaForMilli: .unitCase
        case .emptyValue: .valueEmpty
        case .unknownKind: .csvUnknownKind
        case .unknownParameter: .csvUnknownParameter
        case .segmentParameter: .csvSegmentParameter
        case .siteBeforeNerve: .csvOrphanRow
        case .velocityWithoutSites, .velocityWithoutSegmentTo: .csvVelocityWithoutSegment
        case .halfSegment: .csvHalfSegment
        case .sensorySegment: .csvSensorySegment
        case .badNerveCell: .csvBadNerveCell
        case .unknownNerve: .nameUnknownNerve
        case .unknownStimulationSite, .unknownRecordingSite, .unknownSegmentEnd: .nameUnknownSite
        case .unknownMuscle: .nameUnknownMuscle
        case .missingUnit: .unitMissing
        case .unknownUnit, .unknownColumnUnit, .unknownAgeUnit: .unitUnknown
        case .notANumber, .notAQuantity, .notAQuantityWithUnit, .noTemperature: .valueNotANumber
        case .impossible: .valueImpossible
        case .unknownGrade, .unknownMethod: .valueUnknownGrade
        case .unknownElementSide, .unknownRowSide, .unknownTemperatureSide: .valueUnknownSide
        case .badDate: .valueBadDate
        case .badLimit: .valueBadLimit
        case .notTrueOrFalse, .notAFlag: .valueNotAFlag
        case .noResponseWithValues: .valueNoResponseWithValues
        case .duplicate: .valueDuplicate
        case .conflict, .conflictingCopies, .twoStudyIDs, .differentPatients, .keptFirst: .valueConflict
        }
    }

    /// The code's severity; for `value.conflict`, which has none of its own, a warning only where
    /// the first value is kept.
    var severity: Diagnostic.Severity {
        if let fixed = code.severity { return fixed }
        switch self {
        case .keptFirst: return .warning
        default: return .error
        }
    }

    var message: String {
        switch self {
        case .unreadable(let reason): reason
        case .cannotOpen(let reason): "cannot open file: \(reason)"
        case .isDirectory: "is a directory"
        case .readError(let reason): "read error: \(reason)"
        case .emptyFile: "the file is empty: it holds no study"
        case .noHeaderRow: "the file has no header row and no study"
        case .noStudy: "the file holds no study"
        case .notAnExport:
            "not a recognised export: expected an XML study, a summary-csv (first line 'Patient,…') or a "
                + "measurements-csv header naming study_id"
        case .onlyDelimiters: "not a recognised export"

        case .malformedXML(let detail): "XML is not well-formed: \(detail); reading stopped here"
        case .wrongRoot(let element): "root element is <\(element)>; expected <EDXStudy> or <EDXArchive>"
        case .doctype: "DOCTYPE declaration ignored: edx never loads DTDs or expands entities"
        case .entity(let name):
            "entity reference &\(name); refused: edx never expands entities, so this value cannot be read; the "
                + "study is rejected"
        case .tooDeep(let limit):
            "elements nested deeper than \(limit) levels (EDX Study XML needs at most 6); skipped, and the study is "
                + "rejected"
        case .tooDeepOutsideStudy(let limit):
            "elements nested deeper than \(limit) levels outside a study; reading stopped here"
        case .unknownElement(let name): "unknown element <\(name)> here; it and its content are skipped"
        case .unknownValueElement(let name): "unknown element <\(name)> here; its value is skipped"
        case .unexpectedInArchive(let element):
            "unexpected <\(element)> in <EDXArchive>; only <EDXStudy> is read, this element is skipped"
        case .unexpectedOutsideStudy(let element): "unexpected <\(element)> outside <EDXStudy>; skipped"
        case .unknownMUAPAttribute: "unknown MUAP attribute; ignored"
        case .emptyArchive: "the archive holds no <EDXStudy>"
        case .missingStudyID: "the study has no <Study><ID>; it is rejected"
        case .twoStudyIDs: "the study has two different IDs"
        case .unknownMethod(let text):
            "unknown method \(Self.quote(text)) (expected antidromic or orthodromic); ignored"
        case .unknownElementSide(let text, let element):
            "side is \(text.map(Self.quote) ?? "missing") (expected L or R); this <\(element)> is skipped"
        case .notTrueOrFalse(let text): "cannot read \(Self.quote(text)) as true or false; taken as false"

        case .summaryCSVError(let error):
            error.kind == .unreadable ? error.message : "\(error.message); the study cannot be read reliably"
        case .measurementsCSVError(let error):
            error.isFatal
                ? "\(error.message); reading stopped here"
                : "\(error.message); the row is lost, so this study cannot be trusted"
        case .notDelimitedLikeFile(let fileDelimiter):
            "this row is not delimited by \(fileDelimiter), the delimiter of the file's first line; the file mixes "
                + "delimiters and the study cannot be read reliably"
        case .delimitedDifferently(let rowDelimiter, let fileDelimiter):
            "this row is delimited by '\(rowDelimiter)' but the file by \(fileDelimiter) (from its header); the file "
                + "mixes delimiters and this study cannot be trusted"
        case .undecodableValue(let encoding):
            "bytes that are not valid \(encoding.rawValue) (the file's encoding); value skipped"
        case .undecodableRow(let encoding):
            "bytes that are not valid \(encoding.rawValue) (the file's encoding); row skipped"
        case .missingColumns(let columns):
            "the header lacks \(columns.joined(separator: ", ")); no study can be read"
        case .fieldCount(let count, let header):
            "the row has \(count) fields but the header has \(header); the row is lost, so this study cannot be "
                + "trusted"
        case .rowWithoutStudyID: "the row has no study_id; it cannot be attributed to a study"
        case .studyReappears(let id, let line, let firstLine, let lastLine):
            "study_id \(Self.quote(id)) reappears at line \(line) after other studies; its rows at lines "
                + "\(firstLine)–\(lastLine) were read as a study already. Rows of one study must be contiguous; "
                + "these rows are rejected"
        case .unknownHeaderKey: "unknown header key; its value is skipped"
        case .unknownColumn: "unknown column; its values are skipped"
        case .unknownColumnUnit(let unit, let quantity):
            "unknown unit \(Self.quote(unit)) for \(quantity.description); the column's values are skipped"
        case .missingColumnUnit(let quantity):
            "the column header gives no unit for \(quantity.description) (expected e.g. (\(quantity.canonicalUnit)) "
                + "after the name); the column's values are skipped"
        case .missingNormUnit:
            "a Norm column without a unit takes the unit of its value column, which is missing or unreadable here; "
                + "the column's limits are skipped"
        case .unknownKind(let text):
            "unknown kind \(Self.quote(text)) (expected motor, sensory, fwave, hreflex, needle, temperature or "
                + "demographic); row skipped"
        case .unknownParameter(let text, let kind):
            "unknown parameter \(Self.quote(text)) for kind \(kind); row skipped"
        case .segmentParameter(let parameter):
            "segment_to is set on a \(Self.quote(parameter)) row; only distance and velocity describe segments. "
                + "Row skipped"
        case .siteBeforeNerve: "site row before any nerve row; skipped"
        case .velocityWithoutSites: "a velocity without Site1 and Site2 names no segment; skipped"
        case .velocityWithoutSegmentTo: "a velocity row needs segment_to to name its segment; row skipped"
        case .halfSegment: "only one of Site1 and Site2 is given; the segment values are skipped"
        case .sensorySegment:
            "a sensory segment between two stimulation sites is not supported; its values are skipped"
        case .badNerveCell(let text):
            "cannot read side and nerve from \(Self.quote(text)) (expected e.g. 'Left Tibial (Abd Hallucis)'); row "
                + "skipped"
        case .unknownRowSide(let text, let expected):
            "side is \(Self.quote(text)) (expected \(expected.text)); row skipped"
        case .keptFirst(let firstLine):
            "given again with a different value\(firstLine.map { " (first given at line \($0))" } ?? ""); the first is "
                + "kept"
        case .differentPatients: "one study names two different patients; the study cannot be trusted"
        case .notAFlag(let text): "cannot read \(Self.quote(text)) as 1/true/yes or 0/false/no; skipped"

        case .unknownNerve(let label):
            "unknown nerve \(Self.quote(label)) kept verbatim and left out of interpretation"
        case .unknownStimulationSite(let label):
            "unknown stimulation site \(Self.quote(label)) kept verbatim and left out of interpretation"
        case .unknownRecordingSite(let label): "unknown recording site \(Self.quote(label)) kept verbatim"
        case .unknownSegmentEnd(let label): "unknown segment end \(Self.quote(label)) kept verbatim"
        case .unknownMuscle(let label):
            "unknown muscle \(Self.quote(label)) kept verbatim and left out of interpretation"

        case .notANumber(let text): "cannot read \(Self.quote(text)) as a number; value skipped"
        case .notAQuantity(let text, let quantity):
            "cannot read \(Self.quote(text)) as \(quantity.description); skipped"
        case .notAQuantityWithUnit(let text, let quantity):
            "cannot read \(Self.quote(text)) as \(quantity.description) with its unit; skipped"
        case .noTemperature(let text): "cannot find a temperature in \(Self.quote(text)); skipped"
        case .missingUnit(let quantity):
            "no unit given for \(quantity.description) (expected e.g. \(quantity.canonicalUnit)); value skipped"
        case .unknownUnit(let unit, let quantity):
            "unknown unit \(Self.quote(unit)) for \(quantity.description); value skipped"
        case .unknownAgeUnit(let unit): "unknown unit \(Self.quote(unit)) for an age; skipped"
        case .wrongCaseUnit(let unit, let spelling, let column):
            "unit \(Self.quote(unit)) is written in the wrong case; read as \(spelling)"
                + (column ? " for the whole column" : ", here and in the rest of the study")
        case .megaForMilli(let unit, let spelling, let column):
            "unit \(Self.quote(unit)) is not \(spelling): a capital M is mega, not milli; "
                + (column ? "the column's values are skipped" : "value skipped")
        case .emptyValue(let format):
            format == .measurementsCSV ? "the row has no value; skipped" : "the element has no value; skipped"
        case .impossible(let value, let quantity, let range):
            "\(Plausibility.number(value)) \(quantity.canonicalUnit) is impossible for \(quantity.description) "
                + "(possible: \(Self.text(range, quantity.canonicalUnit))); value skipped"
        case .unknownGrade(let text, let expected):
            "cannot read \(Self.quote(text)) (expected \(expected.text)); value skipped"
        case .unknownTemperatureSide(let text): "unknown side \(Self.quote(text)); temperature skipped"
        case .badDate(let dated, let fault, let isoOnly):
            // Protected information: the value is never repeated.
            (dated == .study ? "the study date" : "the birth date")
                + (fault == .notOnCalendar
                    ? " is not a valid calendar date; skipped"
                    : " is not a date\(isoOnly ? " (YYYY-MM-DD)" : ""); skipped")
        case .badLimit(let text):
            "cannot read the lab limit \(Self.quote(text)) (expected <x, >x or x-y); skipped"
        case .noResponseWithValues(let format):
            "site is marked \(Self.noResponseMark(format)) but also carries values; the values are ignored"
        case .conflict(let firstLine):
            "given twice with different values\(firstLine.map { " (first given at line \($0))" } ?? ""); the study "
                + "cannot be trusted"
        case .duplicate(let entry, let firstLine):
            "\(entry.name) given twice with the same values (first at line \(firstLine)); the copy is ignored"
        case .conflictingCopies(let entry, let firstLine):
            "\(entry.name) given twice with different values (first at line \(firstLine)); which is right cannot be "
                + "known, so the study cannot be trusted"
        }
    }

    /// How each format names a no-response mark.
    private static func noResponseMark(_ format: ExportFormat) -> String {
        switch format {
        case .studyXML: "as no response"
        case .summaryCSV: "NR"
        case .measurementsCSV: "no response"
        }
    }

    /// `0 to 100 mV`, or `more than 0, up to 200 ms` when the lower bound itself is impossible.
    private static func text(_ range: Plausibility.Range, _ unit: String) -> String {
        range.lowerIncluded
            ? "\(Plausibility.number(range.lower)) to \(Plausibility.number(range.upper)) \(unit)"
            : "more than \(Plausibility.number(range.lower)), up to \(Plausibility.number(range.upper)) \(unit)"
    }

    /// Quotes a value for a message, shortened so that a hostile value cannot flood the output.
    static func quote(_ text: String) -> String {
        let limit = 40
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        var escaped = ""
        for scalar in shown.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\"" {
                escaped += scalar == "\"" ? "\\\"" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }
}

extension Quantity: CustomStringConvertible {
    /// The quantity as a message names it: `a time`, `an amplitude`.
    var description: String {
        switch self {
        case .time: "a time"
        case .motorAmplitude, .sensoryAmplitude: "an amplitude"
        case .distance: "a distance"
        case .height: "a height"
        case .velocity: "a velocity"
        case .temperature: "a temperature"
        case .weight: "a weight"
        case .area: "an area"
        case .percent: "a percentage"
        case .age: "an age"
        case .symptomDuration: "a duration"
        }
    }
}

extension Diagnostic {
    /// The diagnostic of `problem`, with its code, severity and message.
    init(_ problem: ImportProblem, at location: SourceLocation, field: String? = nil, studyID: String? = nil) {
        self.init(problem.severity, problem.code, at: location, field: field, problem.message, studyID: studyID)
    }
}
