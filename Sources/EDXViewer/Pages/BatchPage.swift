import EDXBatch
import Foundation

/// The batch browser: the studies of a batch's `index.sqlite`, filtered, sorted and paged by SQL.
enum BatchPage {
    /// Rows per page.
    static let pageSize = 50

    /// What the page was asked for, read from the query string.
    struct Query: Equatable {
        var filter = BatchIndex.Filter()
        var sort = BatchIndex.Sort()
        var page = 1
        /// Values that were not understood, said on the page.
        var problems: [String] = []

        init() {}

        init(_ items: [(name: String, value: String)]) {
            func value(_ name: String) -> String? {
                guard let text = items.last(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespaces),
                    !text.isEmpty
                else { return nil }
                return String(text.prefix(200))
            }
            filter.primaryCode = value("code")
            filter.side = value("side")
            filter.severity = value("severity")
            filter.status = value("status")
            if let year = value("year") {
                if let number = Int(year), (1...9999).contains(number) {
                    filter.year = number
                } else {
                    problems.append("year \(year) is not a year; it was left out")
                }
            }
            for (name, label) in [("from", "from"), ("to", "to")] {
                guard let date = value(name) else { continue }
                if Self.isDate(date) {
                    if name == "from" { filter.from = date } else { filter.to = date }
                } else {
                    problems.append("\(label) \(date) is not a date (YYYY, YYYY-MM or YYYY-MM-DD); it was left out")
                }
            }
            if let sort = value("sort") {
                if let column = BatchIndex.SortColumn(rawValue: sort) {
                    self.sort.column = column
                } else {
                    problems.append("sort \(sort) is not a column; the rows are in input order")
                }
            }
            self.sort.descending = value("dir") == "desc"
            if let page = value("page"), let number = Int(page), number >= 1 { self.page = number }
        }

        /// `2025`, `2025-03` or `2025-03-14`.
        static func isDate(_ text: String) -> Bool {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
            return parts.enumerated().allSatisfy { index, part in
                (index == 0 || part.count == 2) && part.allSatisfy { $0.isASCII && $0.isNumber }
            }
        }

        /// The query string of this query, changed by `changes` (name → value; empty removes).
        func link(_ changes: [String: String] = [:]) -> String {
            var items: [(String, String)] = [
                ("code", filter.primaryCode ?? ""), ("side", filter.side ?? ""), ("severity", filter.severity ?? ""),
                ("status", filter.status ?? ""), ("year", filter.year.map(String.init) ?? ""),
                ("from", filter.from ?? ""), ("to", filter.to ?? ""),
                ("sort", sort.column == .source && !sort.descending ? "" : sort.column.rawValue),
                ("dir", sort.descending ? "desc" : ""), ("page", page > 1 ? String(page) : ""),
            ]
            for (name, value) in changes {
                if let index = items.firstIndex(where: { $0.0 == name }) { items[index].1 = value }
            }
            return HTML.query(items)
        }
    }

    /// The columns of the table: label, the column it sorts by.
    static let columns: [(label: String, sort: BatchIndex.SortColumn)] = [
        ("Study", .id), ("Source", .source), ("Date", .date), ("Diagnosis", .primaryCode), ("Side", .side),
        ("Probability", .probability), ("Severity", .severity), ("Status", .status),
    ]

    static func render(
        batch: OpenBatch, query: Query, rows: [BatchEntry], total: Int, choices: [BatchIndex.ChoiceColumn: [String]],
        deidentified: Bool
    ) -> String {
        let base = "/batch/\(batch.number)"
        var body = "<h1>Batch \(batch.number)</h1>\n"
        body +=
            batch.deidentified
            ? "<p>A de-identified batch.</p>\n" : "<p>Folder: <code>\(HTML.escape(batch.folder))</code></p>\n"
        for problem in query.problems {
            body += "<p class=\"error-notice\" role=\"alert\">\(HTML.escape(problem))</p>\n"
        }
        body += filterForm(base: base, query: query, choices: choices)
        let pages = max(1, (total + pageSize - 1) / pageSize)
        let first = total == 0 ? 0 : (query.page - 1) * pageSize + 1
        let last = min(total, query.page * pageSize)
        let summary = total == 0 ? "No study matches." : "Studies \(first)–\(last) of \(total)"
        body +=
            "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"batch-count\" tabindex=\"0\">\n"
            + "<table id=\"batch-table\">\n<caption id=\"batch-count\">\(summary)</caption>\n"
        body += "<thead><tr>"
        for column in columns {
            let active = query.sort.column == column.sort
            let descending = active && !query.sort.descending
            let href = base + query.link(["sort": column.sort.rawValue, "dir": descending ? "desc" : "", "page": ""])
            let ariaSort = active ? " aria-sort=\"\(query.sort.descending ? "descending" : "ascending")\"" : ""
            body += "<th scope=\"col\"\(ariaSort)><a href=\"\(HTML.escape(href))\">\(column.label)</a></th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for row in rows {
            let name = HTML.escape(row.id ?? (row.ordinal < 0 ? "(file)" : "study \(row.ordinal + 1)"))
            let study: String
            if row.reports.isEmpty {
                study = name
            } else {
                let href = base + "/study" + HTML.query([("source", row.source), ("ordinal", String(row.ordinal))])
                study = "<a href=\"\(HTML.escape(href))\">\(name)</a>"
            }
            let probability = row.probability.map { String(format: "%.0f %%", $0 * 100) } ?? ""
            body += "<tr><th scope=\"row\">\(study)</th><td>\(HTML.escape(row.source))</td>"
            body += "<td>\(HTML.escape(row.date ?? ""))</td><td>\(HTML.escape(row.primaryCode ?? ""))</td>"
            body += "<td>\(HTML.escape(row.side ?? ""))</td><td>\(probability)</td>"
            body += "<td>\(HTML.escape(row.severity ?? ""))</td><td>\(HTML.escape(row.status.rawValue))</td></tr>\n"
        }
        body += "</tbody>\n</table>\n</div>\n"
        body += "<nav class=\"pages\" aria-label=\"Pages\">"
        if query.page > 1 {
            let previous = base + query.link(["page": query.page - 1 > 1 ? String(query.page - 1) : ""])
            body += "<a href=\"\(HTML.escape(previous))\" rel=\"prev\">Previous page</a>"
        }
        body += "<span>Page \(min(query.page, pages)) of \(pages)</span>"
        if query.page < pages {
            body +=
                "<a href=\"\(HTML.escape(base + query.link(["page": String(query.page + 1)])))\" rel=\"next\">Next page</a>"
        }
        body += "</nav>\n"
        return Layout.page(title: "Batch \(batch.number)", body: body, deidentified: deidentified)
    }

    static func filterForm(base: String, query: Query, choices: [BatchIndex.ChoiceColumn: [String]]) -> String {
        func select(_ name: String, _ label: String, _ column: BatchIndex.ChoiceColumn, _ current: String?) -> String {
            var out =
                "<div><label for=\"filter-\(name)\">\(label)</label><select id=\"filter-\(name)\" name=\"\(name)\">"
            out += "<option value=\"\">Any</option>"
            var values = choices[column] ?? []
            if let current, !values.contains(current) { values.append(current) }
            for value in values {
                let selected = value == current ? " selected" : ""
                out += "<option value=\"\(HTML.escape(value))\"\(selected)>\(HTML.escape(value))</option>"
            }
            return out + "</select></div>\n"
        }
        func text(_ name: String, _ label: String, _ current: String?) -> String {
            "<div><label for=\"filter-\(name)\">\(label)</label><input type=\"text\" id=\"filter-\(name)\" "
                + "name=\"\(name)\" value=\"\(HTML.escape(current ?? ""))\" placeholder=\"YYYY-MM-DD\" "
                + "inputmode=\"numeric\" size=\"11\"></div>\n"
        }
        var out = "<form class=\"filters\" method=\"get\" action=\"\(base)\" aria-label=\"Filter the studies\">\n"
        out += select("code", "Diagnosis", .primaryCode, query.filter.primaryCode)
        out += select("side", "Side", .side, query.filter.side)
        out += select("severity", "Severity", .severity, query.filter.severity)
        out += select("status", "Status", .status, query.filter.status)
        out += select("year", "Year", .year, query.filter.year.map(String.init))
        out += text("from", "From", query.filter.from)
        out += text("to", "To", query.filter.to)
        if query.sort != BatchIndex.Sort() {
            out += "<input type=\"hidden\" name=\"sort\" value=\"\(query.sort.column.rawValue)\">"
            if query.sort.descending { out += "<input type=\"hidden\" name=\"dir\" value=\"desc\">" }
        }
        out += "<div><button type=\"submit\">Filter</button></div>\n"
        out += "<div><a href=\"\(base)\">Clear the filters</a></div>\n</form>\n"
        return out
    }
}
