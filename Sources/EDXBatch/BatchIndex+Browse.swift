import Foundation
import GRDB

extension BatchIndex {
    /// What a page of the batch browser shows: rows matching every given filter (nil: any).
    ///
    /// Values are compared as stored in `studies` (codes such as `peroneal-neuropathy-fibular-head`,
    /// `left`, `moderate`, `ok`); dates as text, so `from`/`to` may be a year (`2025`), a month
    /// (`2025-03`) or a day (`2025-03-14`).
    package struct Filter: Sendable, Hashable {
        package var primaryCode: String?
        package var side: String?
        package var severity: String?
        package var status: String?
        package var year: Int?
        /// The earliest date, inclusive.
        package var from: String?
        /// The latest date, inclusive: `2025` includes every day of 2025.
        package var to: String?

        package init(
            primaryCode: String? = nil, side: String? = nil, severity: String? = nil, status: String? = nil,
            year: Int? = nil, from: String? = nil, to: String? = nil
        ) {
            self.primaryCode = primaryCode
            self.side = side
            self.severity = severity
            self.status = status
            self.year = year
            self.from = from
            self.to = to
        }

        /// The WHERE clause (fixed text) and its bound arguments: user text only ever goes into
        /// the arguments.
        var clause: (sql: String, arguments: StatementArguments) {
            var terms: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            func equal(_ column: String, _ value: (any DatabaseValueConvertible)?) {
                guard let value else { return }
                terms.append("\(column) = ?")
                arguments.append(value)
            }
            equal("primaryCode", primaryCode)
            equal("side", side)
            equal("severity", severity)
            equal("status", status)
            equal("year", year)
            if let from {
                terms.append("date >= ?")
                arguments.append(from)
            }
            if let to {
                // Compared on the bound's own length, so that `2025` or `2025-03` covers its whole span.
                terms.append("substr(date, 1, ?) <= ?")
                arguments.append(to.count)
                arguments.append(to)
            }
            let sql = terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ")
            return (sql, StatementArguments(arguments))
        }
    }

    /// The columns the browser sorts by (the only column names that reach the SQL text).
    package enum SortColumn: String, Sendable, Hashable, CaseIterable {
        case source, id, date, primaryCode, side, probability, severity, status
    }

    /// The columns whose distinct values the browser offers as filter choices.
    package enum ChoiceColumn: String, Sendable, Hashable, CaseIterable {
        case primaryCode, side, severity, status, year
    }

    /// An order of the rows: empty values last whatever the direction, then input order.
    package struct Sort: Sendable, Hashable {
        package var column: SortColumn
        package var descending: Bool

        package init(_ column: SortColumn = .source, descending: Bool = false) {
            self.column = column
            self.descending = descending
        }

        var sql: String {
            let direction = descending ? "DESC" : "ASC"
            if column == .source { return " ORDER BY source \(direction), ordinal \(direction)" }
            let name = column.rawValue
            return " ORDER BY \(name) IS NULL, \(name) \(direction), source ASC, ordinal ASC"
        }
    }

    /// Reads an existing batch index for browsing: opened read-only, never migrated or changed.
    package final class Browser: Sendable {
        private let database: DatabaseQueue
        package let path: String

        /// Opens `path` read-only; refuses a file that is not an edx batch index.
        package init(path: String) throws {
            self.path = path
            var configuration = Configuration()
            configuration.label = "edx.batch.browse"
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            do {
                database = try DatabaseQueue(path: path, configuration: configuration)
                let isIndex = try database.read { db in
                    try db.tableExists("studies") && db.tableExists("meta")
                        && String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'schemaVersion'")
                            == String(BatchIndex.schemaVersion)
                }
                guard isIndex else {
                    throw Failure(
                        path: path, action: "open the batch index", reason: "it is not an edx batch index",
                        isFull: false)
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw BatchIndex.failure(error, path: path, action: "open the batch index")
            }
        }

        /// One page of the rows matching `filter`, in `sort` order, and how many match in all.
        ///
        /// The page is found on row ids alone (sorting whole rows, with their JSON columns, costs
        /// several times more on 100,000 studies), then its rows are read by id.
        ///
        /// - Parameters:
        ///   - page: the page, from 1.
        ///   - size: rows per page.
        package func browse(filter: Filter, sort: Sort, page: Int, size: Int) throws -> (
            rows: [BatchEntry], total: Int
        ) {
            let (whereSQL, arguments) = filter.clause
            let limit = max(1, size)
            let offset = max(0, page - 1) * limit
            do {
                return try database.read { db in
                    let total = try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM studies" + whereSQL, arguments: arguments)
                    var pageArguments = arguments
                    pageArguments += [limit, offset]
                    let ids = try Int64.fetchAll(
                        db, sql: "SELECT rowid FROM studies" + whereSQL + sort.sql + " LIMIT ? OFFSET ?",
                        arguments: pageArguments)
                    guard !ids.isEmpty else { return ([], total ?? 0) }
                    let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
                    var byID: [Int64: BatchEntry] = [:]
                    for row in try Row.fetchAll(
                        db, sql: "SELECT rowid AS edxRowID, * FROM studies WHERE rowid IN (\(placeholders))",
                        arguments: StatementArguments(ids))
                    {
                        byID[row["edxRowID"]] = try BatchEntry(row: row)
                    }
                    return (ids.compactMap { byID[$0] }, total ?? 0)
                }
            } catch {
                throw BatchIndex.failure(error, path: path, action: "read the batch index")
            }
        }

        /// The distinct non-empty values of `column`, sorted.
        package func choices(_ column: ChoiceColumn) throws -> [String] {
            let name = column.rawValue
            do {
                return try database.read { db in
                    try String.fetchAll(
                        db,
                        sql: "SELECT DISTINCT CAST(\(name) AS TEXT) FROM studies WHERE \(name) IS NOT NULL ORDER BY 1")
                }
            } catch {
                throw BatchIndex.failure(error, path: path, action: "read the batch index")
            }
        }

        /// The row at (`source`, `ordinal`), if there is one.
        package func entry(source: String, ordinal: Int) throws -> BatchEntry? {
            do {
                return try database.read { db in
                    try BatchEntry.fetchOne(
                        db, sql: "SELECT * FROM studies WHERE source = ? AND ordinal = ?",
                        arguments: [source, ordinal])
                }
            } catch {
                throw BatchIndex.failure(error, path: path, action: "read the batch index")
            }
        }

        /// The settings the batch was made with (`meta`): `deidentify`, `formats`, `limits` ….
        package func settings() throws -> [String: String] {
            do {
                return try database.read { db in
                    Dictionary(
                        try Row.fetchAll(db, sql: "SELECT name, value FROM meta").map {
                            ($0["name"] as String, $0["value"] as String)
                        },
                        uniquingKeysWith: { first, _ in first })
                }
            } catch {
                throw BatchIndex.failure(error, path: path, action: "read the batch settings")
            }
        }
    }
}
