import EDXModel
import StrictCSV

/// Reads a measurements-csv file: one measurement per row, studies as contiguous runs of rows that
/// share `study_id`, streamed one study at a time.
struct MeasurementsCSVReader {
    enum Column: String, CaseIterable {
        case studyID = "study_id"
        case studyDate = "study_date"
        case patientID = "patient_id"
        case age = "age_years"
        case sex
        case height = "height_cm"
        case kind, nerve, side, recording, site
        case segmentTo = "segment_to"
        case parameter, value, unit
        /// Optional: the technologist's comment on the row's study or muscle.
        case comment
    }

    static let required: [Column] = [.studyID, .kind, .parameter, .value]

    let path: String
    let displayPath: String
    /// How names of nerves, sites and muscles are read.
    let names: NameResolver
    /// A 64-bit hash of every study id already read: 8 bytes a study. The lines of an earlier run
    /// are only needed when an id reappears (an error), and are then found by reading the file again.
    private var seen: Set<UInt64> = []

    init(path: String, displayPath: String, names: NameResolver = .builtIn) {
        self.path = path
        self.displayPath = displayPath
        self.names = names
    }

    mutating func read(_ body: (ImportedStudy) -> Void) -> ReaderOutcome {
        var outcome = ReaderOutcome()
        var tokenizer: CSVTokenizer
        do {
            tokenizer = try CSVTokenizer(path: path)
        } catch {
            outcome.unreadable = error.kind == .unreadable
            let problem: ImportProblem = error.kind == .empty ? .emptyFile : .unreadable(reason: error.message)
            outcome.diagnostics.append(
                Diagnostic(problem, at: SourceLocation(file: displayPath, line: max(error.line, 1))))
            return outcome
        }
        let decimalComma = tokenizer.delimiter == UInt8(ascii: ";")
        let otherDelimiter: Character = decimalComma ? "," : ";"
        var columns: [Column: Int] = [:]
        var headerCount = 0
        var current: MeasurementStudyBuilder?

        func location(_ line: Int, _ column: Int? = nil) -> SourceLocation {
            SourceLocation(file: displayPath, line: line, column: column)
        }

        while true {
            let record: CSVRecord?
            do {
                record = try tokenizer.next()
            } catch {
                let diagnostic = Diagnostic(.measurementsCSVError(error), at: location(error.line, error.column))
                if var study = current.take() {
                    study.add(diagnostic)
                    if error.isFatal {
                        emit(study, body)
                    } else {
                        current = study
                    }
                } else {
                    outcome.diagnostics.append(diagnostic)
                }
                if error.isFatal {
                    outcome.unreadable = error.kind == .unreadable
                    return outcome
                }
                continue
            }
            guard let record else { break }
            if record.isBlank { continue }
            if headerCount == 0 {
                for (index, name) in record.fields.enumerated() {
                    let key = name.trimmingWhitespace().lowercased()
                    if let column = Column(rawValue: key), columns[column] == nil { columns[column] = index }
                }
                headerCount = record.fields.count
                let missing = Self.required.filter { columns[$0] == nil }
                if !missing.isEmpty {
                    outcome.diagnostics.append(
                        Diagnostic(.missingColumns(missing.map(\.rawValue)), at: location(record.line)))
                    return outcome
                }
                continue
            }
            if record.fields.count != headerCount {
                let mixed =
                    record.fields.count == 1
                    && record.fields[0].filter({ $0 == otherDelimiter }).count >= headerCount / 2
                let problem: ImportProblem =
                    mixed
                    ? .delimitedDifferently(rowDelimiter: otherDelimiter, fileDelimiter: tokenizer.delimiterName)
                    : .fieldCount(record.fields.count, header: headerCount)
                let diagnostic = Diagnostic(problem, at: location(record.line))
                // Attribute the row to its study when its id can still be read.
                let fields =
                    mixed
                    ? record.fields[0].split(separator: otherDelimiter, omittingEmptySubsequences: false).map(
                        String.init)
                    : record.fields
                let id = columns[.studyID].flatMap { $0 < fields.count ? fields[$0].trimmingWhitespace() : nil }
                if let id, !id.isEmpty {
                    current = builder(for: id, line: record.line, open: current.take(), body)
                }
                if var study = current.take() {
                    study.add(diagnostic)
                    study.lastLine = record.line
                    current = study
                } else {
                    outcome.diagnostics.append(diagnostic)
                }
                continue
            }
            func field(_ column: Column) -> String {
                guard let index = columns[column] else { return "" }
                return record.fields[index].trimmingWhitespace()
            }
            let id = field(.studyID)
            guard !id.isEmpty else {
                let diagnostic = Diagnostic(.rowWithoutStudyID, at: location(record.line), field: "study_id")
                if var study = current.take() {
                    study.add(diagnostic)
                    current = study
                } else {
                    outcome.diagnostics.append(diagnostic)
                }
                continue
            }
            var study = builder(for: id, line: record.line, open: current.take(), body)
            study.lastLine = record.line
            if let index = record.undecodableFields.first {
                let name = columns.first { $0.value == index }?.key.rawValue ?? "column \(index + 1)"
                study.add(Diagnostic(.undecodableRow(tokenizer.encoding), at: location(record.line), field: name))
            } else {
                study.addRow(
                    MeasurementRow(
                        line: record.line, studyDate: field(.studyDate), patientID: field(.patientID),
                        age: field(.age), sex: field(.sex), height: field(.height), kind: field(.kind),
                        nerve: field(.nerve), side: field(.side), recording: field(.recording), site: field(.site),
                        segmentTo: field(.segmentTo), parameter: field(.parameter), value: field(.value),
                        unit: field(.unit), comment: field(.comment)),
                    decimalComma: decimalComma)
            }
            current = study
        }
        if let finished = current { emit(finished, body) }
        if headerCount == 0 {
            outcome.diagnostics.append(Diagnostic(.noHeaderRow, at: location(1)))
        }
        return outcome
    }

    /// The builder that takes a row of study `id`: `open` when it builds that study; otherwise `open`
    /// is finished and a new study starts at `line`.
    private mutating func builder(
        for id: String, line: Int, open: MeasurementStudyBuilder?, _ body: (ImportedStudy) -> Void
    ) -> MeasurementStudyBuilder {
        if let open {
            if open.id == id { return open }
            emit(open, body)
        }
        return startStudy(id: id, line: line)
    }

    private mutating func startStudy(id: String, line: Int) -> MeasurementStudyBuilder {
        var builder = MeasurementStudyBuilder(id: id, file: displayPath, line: line, names: names)
        if seen.contains(Self.hash(id)), let earlier = Self.firstRun(of: id, in: path, before: line) {
            builder.add(
                Diagnostic(
                    .studyReappears(id: id, line: line, firstLine: earlier.first, lastLine: earlier.last),
                    at: SourceLocation(file: displayPath, line: line), field: "study_id"))
        }
        return builder
    }

    private mutating func emit(_ builder: MeasurementStudyBuilder, _ body: (ImportedStudy) -> Void) {
        seen.insert(Self.hash(builder.id))
        body(builder.finish())
    }

    /// The first and last line of the first contiguous run of rows of `id` before line `limit`, found
    /// by reading the file again (only when an id reappears, so the common path keeps no lines).
    static func firstRun(of id: String, in path: String, before limit: Int) -> (first: Int, last: Int)? {
        guard var tokenizer = try? CSVTokenizer(path: path) else { return nil }
        var column: Int?
        var run: (first: Int, last: Int)?
        while let record = try? tokenizer.next(), record.line < limit {
            guard let index = column else {
                column = record.fields.firstIndex { $0.trimmingWhitespace().lowercased() == Column.studyID.rawValue }
                continue
            }
            let value = index < record.fields.count ? record.fields[index].trimmingWhitespace() : ""
            if value == id {
                run = (run?.first ?? record.line, record.line)
            } else if run != nil, !record.isBlank {
                return run
            }
        }
        return run
    }

    /// FNV-1a, 64 bits: ids are kept as hashes so that memory grows by 16 bytes a study, not by the ids.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// One row, its fields trimmed.
struct MeasurementRow {
    var line: Int
    var studyDate, patientID, age, sex, height: String
    var kind, nerve, side, recording, site, segmentTo, parameter, value, unit: String
    /// The optional `comment` column: kept with the study or muscle the row belongs to.
    var comment = ""
}
