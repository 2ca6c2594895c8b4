package import EDXReport
import Foundation

/// The report as an HTML fragment: the blocks of ``ReportBlocks`` (the same sections, in the same
/// order, as the text, Markdown and PDF reports), rendered without adding a sentence of its own.
///
/// Tables get a caption (the section they belong to), column headers with `scope="col"` and the
/// first cell of each row as its row header. An abnormal value is in bold (`<strong>`), keeps the
/// flag of the text report (`29 L`), and carries a visually hidden label for screen readers, so
/// that it is never marked by colour alone.
package enum HTMLReport {
    /// The words read out after an abnormal value.
    static let abnormalLabel = "abnormal"

    /// The report's HTML. `diagramSVG` is the lesion diagram's SVG document, drawn inline at the
    /// figure block; without it the figure is left out.
    package static func render(_ report: StudyReport, diagramSVG: String?) -> String {
        var out = ""
        var section = ""
        for block in ReportBlocks.blocks(report) {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(max(level, 1), 6))"
                section = text
                out += "<\(tag) id=\"\(anchor(text))\">\(HTML.escape(text))</\(tag)>\n"
            case .paragraph(let text):
                out += "<p>\(runs(text))</p>\n"
            case .bullets(let items):
                out += "<ul>\n" + items.map { "<li>\(runs($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let header, let rows):
                out += table(caption: section, header: header, rows: rows)
            case .figure(let figure):
                guard let diagramSVG else { continue }
                out += "<figure class=\"diagram\" id=\"\(figure.rawValue)\">\n"
                out += inlineSVG(diagramSVG)
                out += "<figcaption>\(HTML.escape(figure.title))</figcaption>\n</figure>\n"
            }
        }
        return out
    }

    /// The headings of level 2, for the report's table of contents: (anchor, text).
    package static func sections(_ report: StudyReport) -> [(anchor: String, title: String)] {
        ReportBlocks.blocks(report).compactMap { block in
            guard case .heading(2, let text) = block else { return nil }
            return (anchor(text), text)
        }
    }

    /// Runs as HTML: bold as `<strong>`, italic as `<em>`.
    static func runs(_ text: ReportText) -> String {
        text.runs.map { run in
            let escaped = HTML.escape(run.text)
            if run.bold { return "<strong>\(escaped)</strong>" }
            if run.italic { return "<em>\(escaped)</em>" }
            return escaped
        }.joined()
    }

    static func table(caption: String, header: [String], rows: [[ReportCell]]) -> String {
        var out = "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(HTML.escape(caption))\" tabindex=\"0\">\n"
        // The caption names the table for screen readers; on screen the heading above already does.
        out += "<table>\n<caption class=\"visually-hidden\">\(HTML.escape(caption))</caption>\n<thead><tr>"
        out += header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th" : "td"
                let scope = index == 0 ? " scope=\"row\"" : ""
                out += "<\(tag)\(scope)\(cell.emphasis && !cell.text.isEmpty ? " class=\"abnormal\"" : "")>"
                out += self.cell(cell)
                out += "</\(tag)>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// A cell: line breaks kept; an abnormal value in bold with its hidden label.
    static func cell(_ cell: ReportCell) -> String {
        let text = HTML.escape(cell.text).split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "<br>")
        guard cell.emphasis, !cell.text.isEmpty else { return text }
        return "<strong>\(text)</strong><span class=\"visually-hidden\"> (\(abnormalLabel))</span>"
    }

    /// The SVG document as an element of the page: without its XML declaration.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// An id for a heading: lowercase letters and digits joined by `-`.
    static func anchor(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingDash && !out.isEmpty { out += "-" }
                out.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return "section-" + (out.isEmpty ? "report" : out)
    }
}
