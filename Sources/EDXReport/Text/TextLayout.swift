/// Fixed-width layout: word wrapping, tables whose rows wrap within their cells, and pagination
/// that never splits a row and repeats a table's header on the page it continues on.

/// Lines that belong together on one page.
struct Block: Sendable {
    var lines: [String]
    /// Kept on the same page as the block after it (a heading with the first row of its table).
    var keepWithNext = false
    /// Printed above this block when it opens a page: the table's header, marked as continued.
    var continuation: [String] = []

    static let blank = Block(lines: [""])
}

enum TextLayout {
    /// The width of `text` in character cells (one per extended grapheme cluster).
    static func width(_ text: String) -> Int { text.count }

    /// Wraps `text` to `width` columns at spaces; a word longer than a line is broken, never cut.
    /// `indent` starts the first line, `hanging` every following one.
    static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> [String] {
        let hanging = hanging ?? indent
        var lines: [String] = []
        var line = indent
        // Lengths are tracked, not recounted: a hostile export can hold a "word" of many thousands
        // of characters, and wrapping must stay linear in the text.
        var length = indent.count
        var lineHasWord = false
        func flush() {
            lines.append(line.trimmingTrailingSpaces.replacingNoBreakSpaces)
            line = hanging
            length = hanging.count
            lineHasWord = false
        }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for word in Self.words(paragraph) {
                let characters = Array(word)
                var start = 0
                if lineHasWord && length + 1 + characters.count > width { flush() }
                while length + (characters.count - start) > width {
                    let room = max(1, width - length)
                    let end = min(characters.count, start + room)
                    line += String(characters[start..<end])
                    start = end
                    lineHasWord = true
                    flush()
                }
                guard start < characters.count else { continue }
                if lineHasWord {
                    line += " "
                    length += 1
                }
                line += String(characters[start...])
                length += characters.count - start
                lineHasWord = true
            }
            flush()
        }
        return lines.isEmpty ? [indent] : lines
    }

    /// The words of a line; a unit (`%`, `mV`, `µV`, `ms`, `m/s`, `°C` …, also followed by `)`, `;`,
    /// `,` or `.`) stays with the number before it, and a limit's `>=` or `<=` with the number after
    /// it: `61 %`, `4 µV` and `>= 4 µV` never break.
    static func words(_ line: Substring) -> [String] {
        var words: [String] = []
        for word in line.split(separator: " ") {
            if let last = words.last,
                (Self.keepsWithNumber(word) && (last.last?.isNumber == true || word.hasPrefix("%")))
                    || last.hasSuffix(">=") || last.hasSuffix("<=")
            {
                words[words.count - 1] = last + "\u{00A0}" + word
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    /// Units written after a number (`deg` is `°` in ASCII reports).
    private static let units: Set<Substring> = [
        "%", "mV", "µV", "uV", "ms", "m/s", "°C", "cm", "mV·ms", "mV.ms", "deg",
    ]

    private static func keepsWithNumber(_ word: Substring) -> Bool {
        if word.hasPrefix("%") { return true }
        var unit = word
        while let last = unit.last, ").;,:".contains(last) { unit = unit.dropLast() }
        return units.contains(unit)
    }

    /// `text` padded with spaces to `width` (left-aligned) or right-aligned.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// `left` and `right` on one line of `width`, or two lines when they do not fit.
    static func spread(_ left: String, _ right: String, width: Int) -> [String] {
        if left.count + 2 + right.count <= width { return [left + pad(right, width - left.count, right: true)] }
        return wrap(left, width: width) + [pad(right, width, right: true)]
    }
}

/// A table with fixed-width columns; one column (the first) takes the width the others leave.
struct TextTable {
    struct Column {
        var title: [String]
        var width: Int
        var rightAligned = false
        /// A column of measured values: each cell is ``TextTable/measured(_:_:_:)``, a value, its
        /// marks (the flag) and its limit, laid out in three aligned parts; nil for plain text.
        var parts: Parts? = nil

        /// The widths of the value, marks and limit parts of a measured column.
        struct Parts {
            var value = 0
            var marks = 0
            var limit = 0

            /// `value marks limit` on one line, the value right-aligned.
            var width: Int {
                value + (marks > 0 ? marks + 1 : 0) + (limit > 0 ? limit + 1 : 0)
            }
        }

        /// A column of measured values, as wide as its widest cell needs (see ``TextTable/measured``).
        static func measured(_ title: [String]) -> Column { Column(title: title, width: 0, parts: Parts()) }
    }

    /// Separates the parts of a measured cell (ASCII unit separator: no character set changes it).
    static let partSeparator: Character = "\u{1F}"

    /// A measured cell: `value`, its `marks` (`L`, `H`) and its `limit`, aligned with the same parts
    /// of the other rows.
    static func measured(_ value: String, _ marks: String, _ limit: String) -> String {
        [value, marks, limit].joined(separator: String(partSeparator))
    }

    var columns: [Column]
    var indent: Int

    /// Sizes the first column to fill `totalWidth`; a measured column is as wide as its value, marks
    /// and limit need in `rows`. When that would leave the first column narrower than `minimumFirst`,
    /// the widest other columns give up width, down to their longest title word, then the first
    /// column itself; cells wrap within their column, never past it (a measured cell then puts its
    /// limit under its value).
    init(
        first: [String], rest: [Column], totalWidth: Int, indent: Int = 2, minimumFirst: Int = 12,
        rows: [[String]] = []
    ) {
        var rest = rest
        for index in rest.indices where rest[index].parts != nil {
            var parts = Column.Parts()
            for row in rows where index + 1 < row.count {
                let cell = row[index + 1].split(separator: Self.partSeparator, omittingEmptySubsequences: false)
                guard cell.count == 3 else {
                    parts.value = max(parts.value, row[index + 1].count)
                    continue
                }
                parts.value = max(parts.value, cell[0].count)
                parts.marks = max(parts.marks, cell[1].count)
                parts.limit = max(parts.limit, cell[2].count)
            }
            rest[index].parts = parts
            // One column more than the parts need: a limit never runs into the next column's value.
            let titleWidth = rest[index].title.map(\.count).max() ?? 1
            rest[index].width = max(parts.width + 1, titleWidth, rest[index].width)
        }
        func firstWidth() -> Int { totalWidth - indent - rest.reduce(0) { $0 + $1.width + 1 } }
        let floors = rest.map { column in
            column.title.flatMap { $0.split(separator: " ") }.map(\.count).max() ?? 1
        }
        while firstWidth() < minimumFirst {
            let shrinkable = rest.indices.filter { rest[$0].width > floors[$0] }
            guard let widest = shrinkable.max(by: { rest[$0].width < rest[$1].width }) else { break }
            rest[widest].width -= 1
        }
        // Still too narrow: the first column gives way too, down to a few characters.
        columns = [Column(title: first, width: max(6, firstWidth()))] + rest
        self.indent = indent
    }

    /// The header lines and a rule under them.
    var header: [String] {
        let height = columns.map(\.title.count).max() ?? 0
        var lines: [String] = []
        for index in 0..<height {
            let cells = columns.map { index < $0.title.count ? $0.title[index] : "" }
            lines.append(contentsOf: row(cells))
        }
        let rule = columns.map { String(repeating: "-", count: $0.width) }.joined(separator: " ")
        return lines + [String(repeating: " ", count: indent) + rule]
    }

    /// One row: each cell wrapped within its column, the row as tall as its tallest cell.
    func row(_ cells: [String]) -> [String] {
        let wrapped = zip(columns, cells).map { column, cell in
            cell.isEmpty ? [""] : Self.lines(cell, in: column)
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            let parts = zip(columns, wrapped).map { column, lines in
                TextLayout.pad(line < lines.count ? lines[line] : "", column.width, right: column.rightAligned)
            }
            return (String(repeating: " ", count: indent) + parts.joined(separator: " ")).trimmingTrailingSpaces
        }
    }

    /// The lines of one cell: a measured cell in its aligned parts when they fit, else wrapped.
    static func lines(_ cell: String, in column: Column) -> [String] {
        let parts = cell.split(separator: partSeparator, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return TextLayout.wrap(cell, width: column.width) }
        guard let widths = column.parts, widths.width <= column.width else {
            // Too narrow for one line: the value and its flag, the limit under them.
            let value = TextLayout.pad(parts[0], column.parts?.value ?? 0, right: true)
            let head = parts[1].isEmpty ? value : value + " " + parts[1]
            if head.count <= column.width && parts[2].count <= column.width {
                return [head.trimmingTrailingSpaces] + (parts[2].isEmpty ? [] : [parts[2]])
            }
            return TextLayout.wrap(parts.filter { !$0.isEmpty }.joined(separator: " "), width: column.width)
        }
        var line = TextLayout.pad(parts[0], widths.value, right: true)
        if widths.marks > 0 { line += " " + TextLayout.pad(parts[1], widths.marks) }
        if widths.limit > 0 { line += " " + parts[2] }
        return [line.trimmingTrailingSpaces]
    }

    /// A heading row spanning the table (a nerve, for example), wrapped to the table's width;
    /// `inset` more columns of indent for a note under a row.
    func spanning(_ text: String, inset: Int = 0) -> [String] {
        let width = indent + columns.reduce(-1) { $0 + $1.width + 1 }
        return TextLayout.wrap(text, width: width, indent: String(repeating: " ", count: indent + inset))
    }
}

/// Cuts blocks into pages of `length` lines, each opening with the same header.
///
/// The last of the `length` lines is left free for the form feed that ends the page: a page of
/// `length - 1` lines, each with its newline, leaves the printer on that line, and the form feed
/// then moves to the next page without ejecting an empty one.
struct Paginator {
    var length: Int

    /// Pages of body lines. `headerHeight` lines per page are left for the header, and one for the
    /// form feed.
    func pages(_ blocks: [Block], headerHeight: Int) -> [[String]] {
        let capacity = max(1, length - headerHeight - 1)
        var pages: [[String]] = []
        var page: [String] = []
        var index = 0
        while index < blocks.count {
            // The group: this block and those it must stay with.
            var end = index
            while end < blocks.count - 1 && blocks[end].keepWithNext { end += 1 }
            let group = blocks[index...end]
            let height = group.reduce(0) { $0 + $1.lines.count }
            let opening = blocks[index].continuation
            let isBlank = group.allSatisfy { $0.lines.allSatisfy(\.isEmpty) }
            if page.isEmpty && isBlank {
                index = end + 1
                continue
            }
            if !page.isEmpty && page.count + height > capacity {
                pages.append(page)
                page = []
                if isBlank {
                    index = end + 1
                    continue
                }
            }
            if page.isEmpty && !opening.isEmpty && opening.count + height <= capacity { page += opening }
            for line in group.flatMap(\.lines) {
                // Only a group taller than a page is split, line by line.
                if page.count == capacity {
                    pages.append(page)
                    page = []
                }
                page.append(line)
            }
            index = end + 1
        }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        return pages
    }
}

extension String {
    /// The no-break spaces that `wrap` puts inside `61 %`, back to plain spaces.
    var replacingNoBreakSpaces: String {
        contains("\u{00A0}") ? String(map { $0 == "\u{00A0}" ? " " : $0 }) : self
    }

    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
