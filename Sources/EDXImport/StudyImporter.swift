public import EDXModel

/// The three export formats of docs/formats.md.
public enum ExportFormat: String, Codable, Sendable, Hashable {
    case studyXML = "study-xml"
    case summaryCSV = "summary-csv"
    case measurementsCSV = "measurements-csv"
}

/// One study read from a file: imported (possibly with warnings) or rejected with its errors.
public struct ImportedStudy: Sendable {
    public enum Status: String, Codable, Sendable, Hashable {
        case imported, rejected
    }

    public var status: Status
    /// The study, when it was imported.
    public var study: Study?
    /// The study's id, when it could be read (also for a rejected study).
    public var studyID: String?
    /// Where the study starts.
    public var location: SourceLocation
    /// Warnings and errors that belong to this study.
    public var diagnostics: [Diagnostic]
}

/// What happened to a whole file.
public struct FileImportSummary: Sendable {
    public var path: String
    public var format: ExportFormat?
    public var imported = 0
    public var rejected = 0
    /// Problems that belong to no single study (an unreadable or empty file, a wrong root element, a
    /// syntax error that stopped reading).
    public var fileDiagnostics: [Diagnostic] = []
    /// True when the file could not be opened or read at all.
    public var unreadable = false

    public init(path: String) {
        self.path = path
    }

    /// True when the file yielded no rejected study and no file-level error.
    public var isClean: Bool {
        rejected == 0 && !unreadable && !fileDiagnostics.contains { $0.severity == .error }
    }
}

/// Reads any supported export, detecting its format from the content.
public enum StudyImporter {
    /// Streams the studies of the file at `path`, one at a time, to `body`.
    ///
    /// Memory stays bounded by the largest single study, whatever the number of studies.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayPath: the name used in diagnostics (defaults to `path`).
    ///   - names: how names of nerves, sites and muscles are read: the built-in vocabulary, and a
    ///     lab profile's aliases after it when one is given.
    ///   - body: called once per study, in file order.
    /// - Returns: the file's summary, with the diagnostics that belong to no single study.
    public static func importFile(
        at path: String, displayPath: String? = nil, names: NameResolver = .builtIn,
        _ body: (ImportedStudy) -> Void
    ) -> FileImportSummary {
        let name = displayPath ?? path
        var summary = FileImportSummary(path: name)
        let counting: (ImportedStudy) -> Void = { imported in
            // Format-independent checks (entries given twice) before the study is handed on.
            let study = StudyValidation.check(imported)
            if study.status == .imported { summary.imported += 1 } else { summary.rejected += 1 }
            body(study)
        }
        let detection = FormatDetector.detect(path: path)
        switch detection {
        case .failure(let failure):
            summary.unreadable = failure.unreadable
            summary.fileDiagnostics.append(
                Diagnostic(failure.problem, at: SourceLocation(file: name, line: failure.line)))
        case .success(let format):
            let outcome = read(path, as: format, displayPath: name, names: names, counting)
            summary.format = format
            summary.fileDiagnostics += outcome.diagnostics
            summary.unreadable = outcome.unreadable
            // A file read to its end that held no study is said, and fails the command (exit 1).
            if summary.imported + summary.rejected == 0, !summary.unreadable,
                !summary.fileDiagnostics.contains(where: { $0.severity == .error })
            {
                summary.fileDiagnostics.append(Diagnostic(.noStudy, at: SourceLocation(file: name, line: 1)))
            }
        }
        return summary
    }

    /// Streams the studies of the file at `path` read as `format`, without detecting it: for the
    /// fuzz targets, which drive each reader with any bytes at all.
    public static func importFile(
        at path: String, as format: ExportFormat, displayPath: String? = nil, names: NameResolver = .builtIn,
        _ body: (ImportedStudy) -> Void
    ) -> FileImportSummary {
        let name = displayPath ?? path
        var summary = FileImportSummary(path: name)
        let outcome = read(path, as: format, displayPath: name, names: names) { imported in
            let study = StudyValidation.check(imported)
            if study.status == .imported { summary.imported += 1 } else { summary.rejected += 1 }
            body(study)
        }
        summary.format = format
        summary.fileDiagnostics += outcome.diagnostics
        summary.unreadable = outcome.unreadable
        return summary
    }

    private static func read(
        _ path: String, as format: ExportFormat, displayPath name: String, names: NameResolver,
        _ counting: (ImportedStudy) -> Void
    ) -> ReaderOutcome {
        switch format {
        case .studyXML:
            var reader = StudyXMLReader(path: path, displayPath: name, names: names)
            return reader.read(counting)
        case .summaryCSV:
            return SummaryCSVReader.read(path: path, displayPath: name, names: names, counting)
        case .measurementsCSV:
            var reader = MeasurementsCSVReader(path: path, displayPath: name, names: names)
            return reader.read(counting)
        }
    }

    /// Reads every study of a file into memory: for tests and single-study files.
    public static func importAll(at path: String, displayPath: String? = nil, names: NameResolver = .builtIn) -> (
        studies: [ImportedStudy], summary: FileImportSummary
    ) {
        var studies: [ImportedStudy] = []
        let summary = importFile(at: path, displayPath: displayPath, names: names) { studies.append($0) }
        return (studies, summary)
    }
}

/// The file-level result of one reader.
struct ReaderOutcome {
    var diagnostics: [Diagnostic] = []
    var unreadable = false
}
