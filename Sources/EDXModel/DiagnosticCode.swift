/// The kind of a problem found while reading an export: the stable identifier of a ``Diagnostic``.
///
/// The raw value (`value.not-a-number`) is what the JSON output carries and what scripts match on;
/// it never changes once published. `docs/formats.md` lists every code with its ``meaning``, and a
/// test keeps that table and this enum in step.
public enum DiagnosticCode: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    // MARK: Files

    /// The file cannot be opened or read to its end.
    case fileUnreadable = "file.unreadable"
    /// The file holds no study.
    case fileEmpty = "file.empty"
    /// The content is none of the three export formats.
    case formatUnknown = "format.unknown"

    // MARK: study-xml

    /// The XML is not well-formed.
    case xmlMalformed = "xml.malformed"
    /// The root element is neither `<EDXStudy>` nor `<EDXArchive>`.
    case xmlWrongRoot = "xml.wrong-root"
    /// A DOCTYPE declaration, which is ignored.
    case xmlDoctype = "xml.doctype"
    /// An entity reference, which is never expanded.
    case xmlEntity = "xml.entity"
    /// Elements nested deeper than the reader allows.
    case xmlTooDeep = "xml.too-deep"
    /// An element that is unknown or out of place.
    case xmlUnknownElement = "xml.unknown-element"
    /// An unknown attribute.
    case xmlUnknownAttribute = "xml.unknown-attribute"
    /// An archive without a study.
    case xmlEmptyArchive = "xml.empty-archive"
    /// A study without an ID.
    case studyMissingID = "study.missing-id"

    // MARK: CSV

    /// A CSV syntax error.
    case csvSyntax = "csv.syntax"
    /// A row delimited differently from the file.
    case csvMixedDelimiters = "csv.mixed-delimiters"
    /// Bytes that are not valid in the file's encoding.
    case csvInvalidEncoding = "csv.invalid-encoding"
    /// A measurements-csv header without a required column.
    case csvMissingColumn = "csv.missing-column"
    /// A measurements-csv row with another number of fields than its header.
    case csvFieldCount = "csv.field-count"
    /// A measurements-csv row without a study id.
    case csvMissingStudyID = "csv.missing-study-id"
    /// A measurements-csv study whose rows are not contiguous.
    case csvStudyReappears = "csv.study-reappears"
    /// An unknown key in the header block of a summary-csv.
    case csvUnknownKey = "csv.unknown-key"
    /// An unknown column of a summary-csv table.
    case csvUnknownColumn = "csv.unknown-column"
    /// An unknown measurement kind.
    case csvUnknownKind = "csv.unknown-kind"
    /// A parameter the measurement kind does not have.
    case csvUnknownParameter = "csv.unknown-parameter"
    /// `segment_to` on a row that does not describe a segment.
    case csvSegmentParameter = "csv.segment-parameter"
    /// A summary-csv site row before any nerve row.
    case csvOrphanRow = "csv.orphan-row"
    /// A velocity that names no segment.
    case csvVelocityWithoutSegment = "csv.velocity-without-segment"
    /// A segment with only one of its two ends.
    case csvHalfSegment = "csv.half-segment"
    /// A sensory segment between two stimulation sites.
    case csvSensorySegment = "csv.sensory-segment"
    /// A summary-csv nerve cell without a side and a nerve.
    case csvBadNerveCell = "csv.bad-nerve-cell"

    // MARK: Names

    /// A nerve name outside the vocabulary.
    case nameUnknownNerve = "name.unknown-nerve"
    /// A stimulation or recording site outside the vocabulary.
    case nameUnknownSite = "name.unknown-site"
    /// A muscle name outside the vocabulary.
    case nameUnknownMuscle = "name.unknown-muscle"

    // MARK: Values

    /// A number without a unit.
    case unitMissing = "unit.missing"
    /// A unit unknown for its quantity.
    case unitUnknown = "unit.unknown"
    /// A unit that matches a known one only when case is ignored.
    case unitCase = "unit.case"
    /// An element or row present without a value.
    case valueEmpty = "value.empty"
    /// A value that is not a number.
    case valueNotANumber = "value.not-a-number"
    /// A number no EDX machine can record.
    case valueImpossible = "value.impossible"
    /// A grade or category that cannot be read.
    case valueUnknownGrade = "value.unknown-grade"
    /// A side that cannot be read.
    case valueUnknownSide = "value.unknown-side"
    /// A date that cannot be read.
    case valueBadDate = "value.bad-date"
    /// A lab limit that cannot be read.
    case valueBadLimit = "value.bad-limit"
    /// A no-response flag that cannot be read.
    case valueNotAFlag = "value.not-a-flag"
    /// A no-response site that also carries values.
    case valueNoResponseWithValues = "value.no-response-with-values"
    /// An entry given twice with the same values.
    case valueDuplicate = "value.duplicate"
    /// A value given twice with different values.
    case valueConflict = "value.conflict"

    /// The raw value, as the output shows it.
    public var description: String { rawValue }

    /// The severity every diagnostic of this code has, or `nil` when it depends on the case.
    ///
    /// Only `value.conflict` depends: two values that disagree make the study untrustworthy (an
    /// error), except the study date and the patient's age, sex, height and weight, where the first
    /// is kept (a warning).
    public var severity: Diagnostic.Severity? {
        switch self {
        case .fileUnreadable, .fileEmpty, .formatUnknown, .xmlMalformed, .xmlWrongRoot, .xmlEntity, .xmlTooDeep,
            .studyMissingID, .csvSyntax, .csvMixedDelimiters, .csvMissingColumn, .csvFieldCount, .csvMissingStudyID,
            .csvStudyReappears:
            .error
        case .xmlDoctype, .xmlUnknownElement, .xmlUnknownAttribute, .xmlEmptyArchive, .csvInvalidEncoding,
            .csvUnknownKey, .csvUnknownColumn, .csvUnknownKind, .csvUnknownParameter, .csvSegmentParameter,
            .csvOrphanRow, .csvVelocityWithoutSegment, .csvHalfSegment, .csvSensorySegment, .csvBadNerveCell,
            .nameUnknownNerve, .nameUnknownSite, .nameUnknownMuscle, .unitMissing, .unitUnknown, .unitCase,
            .valueEmpty, .valueNotANumber, .valueImpossible, .valueUnknownGrade, .valueUnknownSide, .valueBadDate,
            .valueBadLimit, .valueNotAFlag, .valueNoResponseWithValues, .valueDuplicate:
            .warning
        case .valueConflict:
            nil
        }
    }

    /// What the code means and what edx does about it, in one sentence: the table of
    /// `docs/formats.md` is made of these.
    public var meaning: String {
        switch self {
        case .fileUnreadable:
            "The file cannot be opened or read to its end; what could not be read is lost."
        case .fileEmpty:
            "The file holds no study: it is empty, a measurements-csv has no header row, or the file was read to its end without a study (a header without rows, an empty archive); the command exits 1."
        case .formatUnknown:
            "The content is none of the three formats; the file is not read."
        case .xmlMalformed:
            "The XML is not well-formed (an entity loop, nesting past libxml2's limit of 256 and a text over 10 MB "
                + "included); reading stops there, and a study it interrupts is rejected."
        case .xmlWrongRoot:
            "The root element is neither `<EDXStudy>` nor `<EDXArchive>`; the file is not read."
        case .xmlDoctype:
            "A DOCTYPE declaration; it is ignored, as DTDs are never loaded."
        case .xmlEntity:
            "An entity reference, internal or external; it is never expanded, and the study is rejected."
        case .xmlTooDeep:
            "Elements nested deeper than 12 levels; in a study the subtree is skipped and the study rejected, "
                + "outside one, reading stops."
        case .xmlUnknownElement:
            "An element edx does not know, or one out of its place; it is skipped with its content."
        case .xmlUnknownAttribute:
            "An unknown attribute of `<MUAP>`; it is ignored."
        case .xmlEmptyArchive:
            "An `<EDXArchive>` that holds no `<EDXStudy>`."
        case .studyMissingID:
            "A study without `<Study><ID>`; it is rejected."
        case .csvSyntax:
            "A CSV syntax error (an unterminated or stray quote, a value over 1 MiB); the row is lost and its study "
                + "rejected, or reading stops."
        case .csvMixedDelimiters:
            "A row delimited by another delimiter than the file's; its study is rejected."
        case .csvInvalidEncoding:
            "Bytes that are not valid in the file's encoding; the value (summary-csv) or the row (measurements-csv) "
                + "is skipped."
        case .csvMissingColumn:
            "The measurements-csv header lacks study_id, kind, parameter or value; no study is read."
        case .csvFieldCount:
            "A measurements-csv row with another number of fields than the header; the row is lost and its study "
                + "rejected."
        case .csvMissingStudyID:
            "A measurements-csv row without study_id; it belongs to no study, and the study being read, if any, is "
                + "rejected."
        case .csvStudyReappears:
            "A measurements-csv study_id whose rows are not contiguous; the later rows are rejected."
        case .csvUnknownKey:
            "An unknown key in the header block of a summary-csv; its value is skipped."
        case .csvUnknownColumn:
            "An unknown column of a summary-csv table; its values are skipped."
        case .csvUnknownKind:
            "A measurements-csv row of an unknown kind; the row is skipped."
        case .csvUnknownParameter:
            "A measurements-csv parameter that the row's kind does not have; the row is skipped."
        case .csvSegmentParameter:
            "A measurements-csv row other than distance or velocity that sets segment_to; the row is skipped."
        case .csvOrphanRow:
            "A summary-csv site row before any nerve row; it is skipped."
        case .csvVelocityWithoutSegment:
            "A velocity that names no segment (no Site1 and Site2, or no segment_to); it is skipped."
        case .csvHalfSegment:
            "A summary-csv row with only one of Site1 and Site2; the segment values are skipped."
        case .csvSensorySegment:
            "A summary-csv sensory segment between two stimulation sites, which is not supported; its values are "
                + "skipped."
        case .csvBadNerveCell:
            "A summary-csv late-response row whose nerve cell gives no side and nerve; the row is skipped."
        case .nameUnknownNerve:
            "A nerve name outside the vocabulary; kept verbatim and left out of interpretation."
        case .nameUnknownSite:
            "A stimulation or recording site outside the vocabulary; kept verbatim (a stimulation site is left out "
                + "of interpretation)."
        case .nameUnknownMuscle:
            "A muscle name outside the vocabulary; kept verbatim and left out of interpretation."
        case .unitMissing:
            "A number without a unit, or a summary-csv value column whose header names no unit in parentheses; the "
                + "value (the column) is skipped, while a Norm column without a unit takes its value column's unit."
        case .unitUnknown:
            "A unit unknown for its quantity; the value (for a summary-csv column header, the column) is skipped."
        case .unitCase:
            "A unit that matches a known one only when case is ignored; read as that unit (`UV` as uV, `mv` as mV), "
                + "except a milli unit written with a capital M (`MV`, `MS`, `Ms`, `MM`), which is mega: the value "
                + "(for a summary-csv column header, the column) is skipped."
        case .valueEmpty:
            "A study-xml element or a measurements-csv row present without a value (an empty element or value "
                + "cell); it is skipped, while an empty summary-csv cell means not measured and is not reported."
        case .valueNotANumber:
            "A value that is not a number (NaN and infinities included); it is skipped."
        case .valueImpossible:
            "A number no EDX machine can record (see the possible ranges below); it is skipped."
        case .valueUnknownGrade:
            "A grade or category that cannot be read (needle grades, sex, the sensory method); it is skipped."
        case .valueUnknownSide:
            "A side that cannot be read; the element, row or temperature is skipped."
        case .valueBadDate:
            "A date that cannot be read or names a day the month does not have (2025-02-30); it is skipped, and "
                + "the message never repeats it."
        case .valueBadLimit:
            "A lab limit of a summary-csv Norm column that cannot be read; it is skipped."
        case .valueNotAFlag:
            "A no-response flag that is neither true nor false; taken as false (study-xml) or skipped "
                + "(measurements-csv)."
        case .valueNoResponseWithValues:
            "A no-response site that also carries values; the values are ignored."
        case .valueDuplicate:
            "An entry (site, segment, nerve study, late response, needle muscle, measurements-csv row) given twice "
                + "with the same values; the copy is ignored."
        case .valueConflict:
            "A value given twice with different values (a second patient id included); the study is rejected (an "
                + "error), except the study date and the patient's age, sex, height and weight, where the first is kept "
                + "(a warning)."
        }
    }
}
