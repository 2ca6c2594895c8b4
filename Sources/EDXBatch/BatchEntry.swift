package import GRDB

/// One line of `results.jsonl` and one row of the index's `entries` table: a study (imported,
/// duplicate or rejected) or a file that could not be read, at its place in the input.
package struct BatchEntry: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    package enum Status: String, Codable, Sendable, Hashable {
        /// Imported and analyzed; reports written.
        case ok
        /// The same content as an earlier study of the batch (`duplicateOf`); not analyzed again.
        case duplicate
        /// The importer rejected the study; `diagnostics` say why.
        case rejected
        /// The file, or the rest of it, could not be read; `diagnostics` say why.
        case fileError = "file-error"
        /// Analyzed, but a report could not be written (`diagnostics` say why): not done, so
        /// `--resume` analyzes and writes it again.
        case writeError = "write-error"
    }

    package static let databaseTableName = "studies"

    /// The file, as given (its random code `input-…` when de-identified).
    package var source: String
    /// The study's position in its file, from 0; -1 for a file-level problem.
    package var ordinal: Int
    package var line: Int?
    package var status: Status
    package var id: String?
    package var key: String?
    /// 16 hex digits: FNV-1a of the study's content (see `StudyKey`).
    package var contentHash: String?
    package var duplicateOf: String?
    package var date: String?
    package var year: Int?
    package var ageYears: Double?
    package var sex: String?
    package var primaryCode: String?
    package var side: String?
    package var probability: Double?
    package var severity: String?
    package var acuity: String?
    package var pathophysiology: String?
    package var secondCode: String?
    package var secondProbability: Double?
    package var warnings: Int
    /// The diagnostics of this study or file, as `path:line: severity: field: message`.
    package var diagnostics: [String]
    /// Report files written, relative to the output folder.
    package var reports: [String]

    package enum Columns {
        package static let source = Column(CodingKeys.source)
        package static let ordinal = Column(CodingKeys.ordinal)
    }
}

/// One diagnosis of the differential of an imported study.
struct DiagnosisRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "diagnoses"
    var studyKey: String
    var rank: Int
    var code: String
    var side: String
    var probability: Double
    var severity: String?
    var acuity: String?
    var pathophysiology: String?
    /// Suggested ICD-10-CM codes, comma-separated.
    var icd10cm: String
}

/// One finding of an imported study, flattened for queries.
struct FindingRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "findings"
    var studyKey: String
    var findingID: String
    /// `measurement`, `comparison`, `nerve`, `muscle`, `technical`.
    var category: String
    /// Nerve finding kind (`conduction-block` …), measure (`amplitude` …), or muscle acuity.
    var kind: String?
    var side: String?
    /// The conduction study (`peroneal-motor-edb`) or the muscle (`tibialis-anterior`).
    var subject: String?
    var value: Double?
    var unit: String?
    var abnormal: Bool
    var activeDenervation: Bool?
    var reinnervation: Bool?
    var statement: String
}
