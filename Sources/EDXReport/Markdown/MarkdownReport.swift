import EDXFindings
import EDXLocalization
import EDXModel
import EDXReference

/// The report in Markdown, with the same content and order as the printed one, for EHR notes and
/// wikis: the blocks of ``ReportBlocks``, abnormal cells in bold.
public enum MarkdownReport {
    /// `figures` holds the Markdown of the pictures the caller can show (an image link to the
    /// lesion diagram's SVG file); a figure without one is left out.
    public static func render(
        _ report: StudyReport, charset: Charset = .utf8, figures: [ReportFigure: String] = [:]
    ) -> String {
        var out = MarkdownWriter(charset: charset)
        for block in ReportBlocks.blocks(report) {
            switch block {
            case .figure(let figure):
                if let markdown = figures[figure] { out.paragraph(markdown, escaping: false) }
            case .heading(let level, let text): out.heading(level, text)
            case .paragraph(let text): out.paragraph(markup(text), escaping: false)
            case .bullets(let items): out.bullets(items.map(markup), escaping: false)
            case .table(let header, let rows):
                out.table(
                    header,
                    rows.map { row in
                        row.map { cell in
                            let text = MarkdownWriter.escapeCell(cell.text)
                            return cell.emphasis && !text.isEmpty ? "**\(text)**" : text
                        }
                    }, escaping: false)
            }
        }
        return out.text
    }

    /// Runs as Markdown: escaped text, `**bold**`, `*italic*`.
    static func markup(_ text: ReportText) -> String {
        text.runs.map { run in
            let escaped = MarkdownWriter.escape(run.text)
            if run.bold { return "**\(escaped)**" }
            if run.italic { return "*\(escaped)*" }
            return escaped
        }.joined()
    }
}

/// Builds Markdown text; escapes what would otherwise become markup.
struct MarkdownWriter {
    let charset: Charset
    private(set) var text = ""

    mutating func heading(_ level: Int, _ title: String) {
        if !text.isEmpty { text += "\n" }
        text += String(repeating: "#", count: level) + " " + charset.apply(Self.escape(title)) + "\n"
    }

    mutating func paragraph(_ string: String, escaping: Bool = true) {
        text += "\n" + charset.apply(escaping ? Self.escape(string) : string) + "\n"
    }

    mutating func bullets(_ items: [String], escaping: Bool = true) {
        text += "\n"
        for item in items { text += "- " + charset.apply(escaping ? Self.escape(item) : item) + "\n" }
    }

    mutating func table(_ header: [String], _ rows: [[String]], escaping: Bool = true) {
        text += "\n| " + header.map { charset.apply(Self.escapeCell($0)) }.joined(separator: " | ") + " |\n"
        text += "|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows {
            let cells = row.map { charset.apply(escaping ? Self.escapeCell($0) : $0) }
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
    }

    /// Backslash-escapes the characters Markdown would read as emphasis, code or links.
    static func escape(_ string: String) -> String {
        var out = ""
        for character in string {
            if "\\`*_[]<|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A table cell: escaped, on one line.
    static func escapeCell(_ string: String) -> String {
        escape(string).replacingNewlines
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }
}
