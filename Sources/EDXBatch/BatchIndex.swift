import Foundation
import GRDB

/// `index.sqlite`: every entry of the batch with its diagnoses and findings, through GRDB.
///
/// The index is the batch's source of truth: `results.jsonl` and `summary.csv` are regenerated
/// from it at the end of every run, so that a resumed or merged batch gives the same files as one
/// uninterrupted run. Each chunk of studies is committed in one transaction, after its reports are
/// on disk.
package final class BatchIndex {
    let database: DatabaseQueue
    let path: String
    package static let schemaVersion = 1

    /// A failure of the index, in words: the file, what edx was doing, and SQLite's reason.
    package struct Failure: Error, CustomStringConvertible {
        package var path: String
        package var action: String
        package var reason: String
        /// The disk or quota is full: nothing more can be recorded.
        package var isFull: Bool
        package var description: String { "\(path): cannot \(action): \(reason)" }
    }

    package init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.label = "edx.batch.index"
        configuration.busyMode = .timeout(10)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw Self.failure(error, path: path, action: "open the batch index")
        }
    }

    /// `error` in words when it is SQLite's; other errors pass unchanged.
    static func failure(_ error: any Error, path: String, action: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let code = error.resultCode
        let reason: String
        switch code {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            reason =
                "it is not an edx batch index, or it is damaged (\(error.message ?? "SQLite error \(code.rawValue)")); "
                + "move it away or choose another --out"
        case .SQLITE_FULL:
            reason = "the disk is full"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            reason = "the index is in use by another program"
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            reason = "it cannot be written (\(error.message ?? "permission denied"))"
        default:
            reason = error.message ?? "SQLite error \(code.rawValue)"
        }
        return Failure(path: path, action: action, reason: reason, isFull: code == .SQLITE_FULL)
    }

    /// Runs `body`, turning SQLite's errors into a ``Failure`` that names the file.
    func guarded<T>(_ action: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw Self.failure(error, path: path, action: action) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "studies") { t in
                t.column("source", .text).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("line", .integer)
                t.column("status", .text).notNull()
                t.column("id", .text)
                t.column("key", .text)
                t.column("contentHash", .text)
                t.column("duplicateOf", .text)
                t.column("date", .text)
                t.column("year", .integer)
                t.column("ageYears", .double)
                t.column("sex", .text)
                t.column("primaryCode", .text)
                t.column("side", .text)
                t.column("probability", .double)
                t.column("severity", .text)
                t.column("acuity", .text)
                t.column("pathophysiology", .text)
                t.column("secondCode", .text)
                t.column("secondProbability", .double)
                t.column("warnings", .integer).notNull()
                t.column("diagnostics", .jsonText).notNull()
                t.column("reports", .jsonText).notNull()
                t.primaryKey(["source", "ordinal"])
            }
            try db.create(index: "studies_key", on: "studies", columns: ["key"])
            try db.create(index: "studies_code", on: "studies", columns: ["primaryCode", "side", "year"])
            try db.create(table: "diagnoses") { t in
                t.column("studyKey", .text).notNull()
                t.column("rank", .integer).notNull()
                t.column("code", .text).notNull()
                t.column("side", .text).notNull()
                t.column("probability", .double).notNull()
                t.column("severity", .text)
                t.column("acuity", .text)
                t.column("pathophysiology", .text)
                t.column("icd10cm", .text).notNull()
                t.primaryKey(["studyKey", "rank"])
            }
            try db.create(table: "findings") { t in
                t.column("studyKey", .text).notNull()
                t.column("findingID", .text).notNull()
                t.column("category", .text).notNull()
                t.column("kind", .text)
                t.column("side", .text)
                t.column("subject", .text)
                t.column("value", .double)
                t.column("unit", .text)
                t.column("abnormal", .boolean).notNull()
                t.column("activeDenervation", .boolean)
                t.column("reinnervation", .boolean)
                t.column("statement", .text).notNull()
                t.primaryKey(["studyKey", "findingID"])
            }
            try db.create(index: "findings_kind", on: "findings", columns: ["category", "kind", "abnormal"])
            try db.create(table: "meta") { t in
                t.column("name", .text).primaryKey()
                t.column("value", .text).notNull()
            }
        }
        return migrator
    }

    /// Settings that must not change between the runs of one output folder.
    package func checkSettings(_ settings: [String: String], ignoring ignored: Set<String> = []) throws {
        try guarded("read the batch settings") {
            try checkSettingsUnguarded(settings, ignoring: ignored)
        }
    }

    private func checkSettingsUnguarded(_ settings: [String: String], ignoring ignored: Set<String>) throws {
        try database.write { db in
            for (name, value) in settings.sorted(by: { $0.key < $1.key }) where !ignored.contains(name) {
                if let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = ?", arguments: [name])
                {
                    guard stored == value else {
                        throw SettingsMismatch(name: name, stored: stored, requested: value)
                    }
                } else {
                    try db.execute(sql: "INSERT INTO meta (name, value) VALUES (?, ?)", arguments: [name, value])
                }
            }
        }
    }

    package struct SettingsMismatch: Error, CustomStringConvertible {
        package var name: String
        package var stored: String
        package var requested: String
        package var description: String {
            "the output folder was made with \(name) = \(stored); this run asks for \(requested) (use another --out)"
        }
    }

    /// Content hashes already recorded for each (source, ordinal), for --resume.
    package func completed() throws -> [String: [Int: String]] {
        try guarded("read the batch index") { try completedUnguarded() }
    }

    private func completedUnguarded() throws -> [String: [Int: String]] {
        try database.read { db in
            var done: [String: [Int: String]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT source, ordinal, contentHash FROM studies WHERE status IN ('ok', 'duplicate')")
            while let row = try rows.next() {
                let source: String = row["source"]
                let ordinal: Int = row["ordinal"]
                let hash: String? = row["contentHash"]
                done[source, default: [:]][ordinal] = hash ?? ""
            }
            return done
        }
    }

    /// Keys of the distinct studies recorded, with the (source, ordinal) of their first copy.
    package func knownKeys() throws -> [String: String] {
        try database.read { db in
            var keys: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT key FROM studies WHERE status = 'ok'")
            while let row = try rows.next() {
                if let key: String = row["key"] { keys[key] = key }
            }
            return keys
        }
    }

    /// Records a chunk: entries (replacing any earlier row at the same place), their diagnoses and findings.
    /// What a resumed batch forgets of an earlier run, in the transaction of the next chunk.
    enum Forgetting: Sendable, Hashable {
        /// The rows of `source` that are not done (rejected studies, a file that could not be read,
        /// reports that could not be written): the file is read again and its rows recorded anew.
        case unfinished(source: String)
        /// The rows of `source` from `ordinal` on: the file now holds fewer studies.
        case from(source: String, ordinal: Int)
    }

    /// Records a chunk in one transaction, after forgetting what `forgetting` names.
    func record(_ chunk: [ProcessedEntry], forgetting: [Forgetting] = []) throws {
        try guarded("record studies in the batch index") { try recordUnguarded(chunk, forgetting: forgetting) }
    }

    /// Removes diagnoses and findings whose study is no longer recorded as done.
    func removeOrphans() throws {
        try guarded("update the batch index") {
            try database.write { db in
                let kept = "SELECT key FROM studies WHERE status = 'ok' AND key IS NOT NULL"
                try db.execute(sql: "DELETE FROM diagnoses WHERE studyKey NOT IN (\(kept))")
                try db.execute(sql: "DELETE FROM findings WHERE studyKey NOT IN (\(kept))")
            }
        }
    }

    private func recordUnguarded(_ chunk: [ProcessedEntry], forgetting: [Forgetting]) throws {
        try database.write { db in
            for forget in forgetting {
                switch forget {
                case .unfinished(let source):
                    try db.execute(
                        sql: "DELETE FROM studies WHERE source = ? AND status NOT IN ('ok', 'duplicate')",
                        arguments: [source])
                case .from(let source, let ordinal):
                    try db.execute(
                        sql: "DELETE FROM studies WHERE source = ? AND ordinal >= ?", arguments: [source, ordinal])
                }
            }
            for processed in chunk {
                try processed.entry.save(db)
                guard let key = processed.entry.key, processed.entry.status == .ok else { continue }
                try db.execute(sql: "DELETE FROM diagnoses WHERE studyKey = ?", arguments: [key])
                try db.execute(sql: "DELETE FROM findings WHERE studyKey = ?", arguments: [key])
                // Prepared once per connection and reused: a study has about a hundred findings, and
                // the Codable route costs several times more per row.
                let diagnosis = try db.cachedStatement(
                    sql: """
                        INSERT INTO diagnoses (studyKey, rank, code, side, probability, severity, acuity,
                        pathophysiology, icd10cm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for row in processed.diagnoses {
                    try diagnosis.execute(arguments: [
                        row.studyKey, row.rank, row.code, row.side, row.probability, row.severity, row.acuity,
                        row.pathophysiology, row.icd10cm,
                    ])
                }
                let finding = try db.cachedStatement(
                    sql: """
                        INSERT OR REPLACE INTO findings (studyKey, findingID, category, kind, side, subject, value,
                        unit, abnormal, activeDenervation, reinnervation, statement)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for row in processed.findings {
                    try finding.execute(arguments: [
                        row.studyKey, row.findingID, row.category, row.kind, row.side, row.subject, row.value,
                        row.unit, row.abnormal, row.activeDenervation, row.reinnervation, row.statement,
                    ])
                }
            }
        }
    }

    /// Every entry in input order.
    package func entries(_ body: (BatchEntry) throws -> Void) throws {
        try guarded("read the batch index") { try entriesUnguarded(body) }
    }

    private func entriesUnguarded(_ body: (BatchEntry) throws -> Void) throws {
        try database.read { db in
            let cursor = try BatchEntry.order(BatchEntry.Columns.source, BatchEntry.Columns.ordinal).fetchCursor(db)
            while let entry = try cursor.next() { try body(entry) }
        }
    }

    /// Copies every row of another index (a shard) into this one.
    package func merge(from other: String) throws {
        try guarded("merge \(other) into the batch index") { try mergeUnguarded(from: other) }
    }

    private func mergeUnguarded(from other: String) throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [other])
            defer { try? db.execute(sql: "DETACH DATABASE shard") }
            try db.inTransaction {
                try db.execute(sql: "INSERT OR REPLACE INTO studies SELECT * FROM shard.studies")
                try db.execute(sql: "INSERT OR REPLACE INTO diagnoses SELECT * FROM shard.diagnoses")
                try db.execute(sql: "INSERT OR REPLACE INTO findings SELECT * FROM shard.findings")
                return .commit
            }
        }
    }

    /// Reads `meta` of an index.
    package func settings() throws -> [String: String] {
        try guarded("read the batch settings") { try settingsUnguarded() }
    }

    /// Records one setting, replacing its value.
    package func setSetting(_ name: String, _ value: String) throws {
        try guarded("update the batch settings") {
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", arguments: [name, value])
            }
        }
    }

    private func settingsUnguarded() throws -> [String: String] {
        try database.read { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT name, value FROM meta").map {
                    ($0["name"] as String, $0["value"] as String)
                },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// Runs a query and gives each row as column-value pairs (for tests and `edx` users).
    package func query(_ sql: String) throws -> [[String: String]] {
        try database.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                var values: [String: String] = [:]
                for (column, value) in row {
                    values[column] = value.isNull ? "" : (String.fromDatabaseValue(value) ?? value.description)
                }
                return values
            }
        }
    }
}
