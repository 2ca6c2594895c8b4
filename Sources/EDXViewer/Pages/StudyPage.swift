import EDXDocuments
import EDXReport

/// A study's page: the report (from ``ReportBlocks``) with its lesion diagram, and beside it the
/// import diagnostics and the downloads.
enum StudyPage {
    /// A link to one file of the study.
    struct Download {
        var label: String
        var href: String
        /// The file's format, read out with the link (`PDF`, `Markdown` …).
        var detail: String
    }

    static func render(
        report: StudyReport, diagramSVG: String?, diagnosticsHTML: String, downloads: [Download], note: String? = nil,
        deidentified: Bool
    ) -> String {
        var body = "<div class=\"study-layout\">\n<article class=\"report\" aria-label=\"Report\">\n"
        if let note { body += "<p class=\"notice no-print\">\(HTML.escape(note))</p>\n" }
        body += HTMLReport.render(report, diagramSVG: diagramSVG)
        body += "</article>\n<aside aria-labelledby=\"aside-diagnostics\">\n"
        body += "<h2 id=\"aside-diagnostics\">Import diagnostics</h2>\n" + diagnosticsHTML
        body += "<h2 id=\"aside-downloads\">Downloads</h2>\n"
        if downloads.isEmpty {
            body += "<p>None.</p>\n"
        } else {
            body += "<ul class=\"downloads\">\n"
            for download in downloads {
                body += "<li><a href=\"\(HTML.escape(download.href))\" download>\(HTML.escape(download.label))</a>"
                body += " <span class=\"hint\">(\(HTML.escape(download.detail)))</span></li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2 id=\"aside-sections\">Sections</h2>\n<ul>\n"
        for section in HTMLReport.sections(report) {
            body += "<li><a href=\"#\(section.anchor)\">\(HTML.escape(section.title))</a></li>\n"
        }
        body += "</ul>\n<p><a href=\"/\">Back to the start page</a></p>\n</aside>\n</div>\n"
        return Layout.page(title: report.study.id, body: body, deidentified: deidentified)
    }
}

extension DocumentFormat {
    /// The name of the format on the download links.
    var label: String {
        switch self {
        case .text: "Text report"
        case .markdown: "Markdown report"
        case .json: "JSON report"
        case .pdf: "PDF report"
        case .svg: "Lesion diagram (SVG)"
        case .fhir: "FHIR R4 bundle"
        case .hl7: "HL7 v2.5.1 message"
        }
    }

    /// The media type the file is served as.
    var contentType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .json: "application/json"
        case .pdf: "application/pdf"
        case .svg: "image/svg+xml"
        case .fhir: "application/fhir+json"
        case .hl7: "x-application/hl7-v2+er7"
        }
    }

    /// The format of a batch report file, from its name (`reports/X.fhir.json` is FHIR).
    static func of(fileName: String) -> DocumentFormat? {
        allCases.sorted { $0.fileExtension.count > $1.fileExtension.count }
            .first { fileName.hasSuffix("." + $0.fileExtension) }
    }
}
