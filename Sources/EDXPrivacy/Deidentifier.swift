public import EDXModel
public import EDXOutput
import Foundation
import Synchronization

/// What de-identification keeps, beyond what HIPAA Safe Harbor (45 CFR 164.514(b)(2)) always removes.
public struct DeidentificationPolicy: Sendable, Hashable {
    public enum Dates: String, Sendable, Hashable, CaseIterable {
        /// Every date becomes its year (Safe Harbor's default).
        case year
        /// Every date of a patient moves by the same random number of days, kept in the link file:
        /// intervals stay true for research. A shifted date is not Safe Harbor; it is a limited
        /// data set or expert-determination choice (docs/deidentification.md).
        case shift
    }

    public var dates: Dates
    /// Keep indication, comments and the exported impression, which can hold names and dates.
    public var keepFreeText: Bool

    public init(dates: Dates = .year, keepFreeText: Bool = false) {
        self.dates = dates
        self.keepFreeText = keepFreeText
    }
}

/// De-identifies studies to HIPAA Safe Harbor.
///
/// - Names, birth dates, examiner and referrer are removed.
/// - Patient ids, study ids and input paths are replaced by **random** codes (`anon-`, `study-`,
///   `input-` and 12 hex digits from the system's secure generator), never derived from the
///   identifier: a code cannot be traced back by hashing candidates. With a link file the same
///   identifier keeps its code from run to run; the link file is private (mode 0600), written
///   only by edx, and never part of the de-identified output.
/// - Dates keep only their year (or move by the patient's random shift, with ``DeidentificationPolicy/Dates/shift``).
/// - Ages over 89 become 90, marked `ageOver89` ("90+").
/// - Free text (indication, comments, the exported impression) is dropped unless kept on request.
public final class Deidentifier: Sendable {
    public let policy: DeidentificationPolicy
    /// The private link file, when the codes must stay stable across runs.
    public let linkFile: String?
    private let table: Mutex<LinkTable>

    /// Reads the link file when it exists; a missing one starts empty and is created by ``save()``.
    public init(policy: DeidentificationPolicy = DeidentificationPolicy(), linkFile: String? = nil)
        throws(LinkFileError)
    {
        self.policy = policy
        self.linkFile = linkFile
        table = Mutex(try linkFile.map(LinkTable.load) ?? LinkTable())
    }

    /// The study without identifiers.
    public func deidentify(_ study: Study) -> Study {
        var copy = study
        let patientKey = study.patient.id.map { "id:" + $0 } ?? "study:" + study.id
        let (patientCode, shift) = table.withLock { table in
            (table.patientCode(for: patientKey), table.shift(for: patientKey))
        }
        copy.id = studyID(study.id)
        copy.patient.id = study.patient.id == nil ? nil : patientCode
        copy.patient.name = nil
        copy.patient.birthDate = nil
        if let age = study.patient.ageYears, age > 89 {
            copy.patient.ageYears = 90
            copy.patient.ageOver89 = true
        }
        copy.examiner = nil
        copy.referrer = nil
        copy.date = study.date.flatMap { date($0, shift: shift) }
        if !policy.keepFreeText {
            copy.indication = nil
            copy.impression = nil
            for index in copy.motor.indices { copy.motor[index].comment = nil }
            for index in copy.sensory.indices { copy.sensory[index].comment = nil }
            for index in copy.fWaves.indices { copy.fWaves[index].comment = nil }
            for index in copy.hReflexes.indices { copy.hReflexes[index].comment = nil }
            for index in copy.needle.indices { copy.needle[index].comment = nil }
        }
        return copy
    }

    /// The code of a study id.
    public func studyID(_ id: String) -> String {
        table.withLock { $0.studyCode(for: id) }
    }

    /// The code that stands for an input file in diagnostics, reports and indexes.
    public func source(_ path: String) -> String {
        table.withLock { $0.sourceCode(for: path) }
    }

    /// A diagnostic with its study id replaced by the study's code.
    public func diagnostic(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.studyID = diagnostic.studyID.map(studyID)
        return copy
    }

    /// Writes the link file (when there is one) with every code given so far, if any is new.
    /// Call it before a code reaches anything that outlives the run (an index, a report).
    public func save() throws(OutputError) {
        guard let linkFile else { return }
        guard
            let data = table.withLock({ table -> Data? in
                guard table.changed else { return nil }
                table.changed = false
                return table.encoded()
            })
        else { return }
        try OutputFile.write(bytes: [UInt8](data), to: linkFile, mode: 0o600)
    }

    /// `2025` from `2025-10-02` (year policy), or the date moved by `shift` days.
    func date(_ text: String, shift: Int) -> String? {
        switch policy.dates {
        case .year:
            let year = text.prefix(4)
            return year.count == 4 && year.allSatisfy(\.isNumber) ? String(year) : nil
        case .shift:
            return CivilDate(text).map { $0.adding(days: shift).text }
        }
    }
}

/// A problem with the link file.
public struct LinkFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot use the link file: \(reason)" }
}

/// The private link between identifiers and their codes.
struct LinkTable: Codable {
    struct PatientLink: Codable {
        var code: String
        /// Days every date of the patient moves by under the shift policy (never 0).
        var shiftDays: Int
    }

    var format = "edx-link-file"
    var version = 1
    var patients: [String: PatientLink] = [:]
    var studies: [String: String] = [:]
    var sources: [String: String] = [:]
    private var used: Set<String> = []
    /// A code was added since the file was read or last written.
    var changed = false

    private enum CodingKeys: String, CodingKey { case format, version, patients, studies, sources }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        patients = try container.decode([String: PatientLink].self, forKey: .patients)
        studies = try container.decode([String: String].self, forKey: .studies)
        sources = try container.decode([String: String].self, forKey: .sources)
        used = Set(patients.values.map(\.code)).union(studies.values).union(sources.values)
    }

    static func load(_ path: String) throws(LinkFileError) -> LinkTable {
        switch FileKind.at(path) {
        case nil: return LinkTable()
        case .regular: break
        case let kind?: throw LinkFileError(path: path, reason: "it is a \(kind.rawValue), not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LinkFileError(path: path, reason: "it cannot be read")
        }
        do {
            let table = try JSONDecoder().decode(LinkTable.self, from: data)
            guard table.format == "edx-link-file", table.version == 1 else {
                throw LinkFileError(path: path, reason: "it is not an edx link file of version 1")
            }
            return table
        } catch let error as LinkFileError {
            throw error
        } catch {
            throw LinkFileError(path: path, reason: "it is not an edx link file (not valid JSON of that form)")
        }
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    mutating func patientCode(for key: String) -> String {
        if let link = patients[key] { return link.code }
        let code = fresh("anon-")
        var shift = 0
        while shift == 0 { shift = Int.random(in: -365...365) }
        patients[key] = PatientLink(code: code, shiftDays: shift)
        return code
    }

    func shift(for key: String) -> Int { patients[key]?.shiftDays ?? 0 }

    mutating func studyCode(for id: String) -> String {
        if let code = studies[id] { return code }
        let code = fresh("study-")
        studies[id] = code
        return code
    }

    mutating func sourceCode(for path: String) -> String {
        if let code = sources[path] { return code }
        let code = fresh("input-")
        sources[path] = code
        return code
    }

    /// `prefix` and 12 random hex digits, unused so far.
    private mutating func fresh(_ prefix: String) -> String {
        while true {
            let digits = String(UInt64.random(in: 0..<(1 << 48)), radix: 16)
            let code = prefix + String(repeating: "0", count: 12 - digits.count) + digits
            if used.insert(code).inserted {
                changed = true
                return code
            }
        }
    }
}

/// A proleptic Gregorian date, for moving dates by whole days without a calendar library.
struct CivilDate {
    var year: Int
    var month: Int
    var day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    init(serial: Int) {
        // Howard Hinnant's civil_from_days.
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (Hinnant's days_from_civil).
    var serial: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    func adding(days: Int) -> CivilDate { CivilDate(serial: serial + days) }

    var text: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
