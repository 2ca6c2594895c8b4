package import EDXDiagram
package import EDXFindings
package import EDXInterop
package import EDXLocalization
package import EDXModel
package import EDXPDF
package import EDXReport
import EDXReportPDF
import Foundation

/// Every form a study's report takes: the signed report as text, Markdown, JSON or PDF, the lesion
/// diagram as SVG, and the record formats FHIR R4 and HL7 v2.5.1 (which carry the PDF).
package enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
    case text, markdown, json, pdf, svg, fhir, hl7

    /// The file extension of one study's file.
    package var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .pdf: "pdf"
        case .svg: "svg"
        case .fhir: "fhir.json"
        case .hl7: "hl7"
        }
    }

    /// The report formats of EDXReport, for the formats that are text renderings of the report.
    var reportFormat: ReportFormat? {
        switch self {
        case .text: .text
        case .markdown: .markdown
        case .json: .json
        case .pdf, .svg, .fhir, .hl7: nil
        }
    }
}

/// How the documents are made.
package struct DocumentOptions: Sendable, Hashable {
    package var layout: TextLayoutOptions
    package var paper: PDFPageSize
    /// Preliminary until signed (`--status final --signed-by NAME`).
    package var status: ReportStatus
    package var creator: String

    package init(
        layout: TextLayoutOptions = TextLayoutOptions(), paper: PDFPageSize = .a4,
        status: ReportStatus = .preliminary, creator: String = "edx"
    ) {
        self.layout = layout
        self.paper = paper
        self.status = status
        self.creator = creator
    }

    var pdfOptions: ReportPDFOptions { ReportPDFOptions(paper: paper, signedBy: status.signer, creator: creator) }
}

/// A study's report with its lesion diagram.
package struct RenderedStudy: Sendable, Hashable {
    package var report: StudyReport
    package var diagram: Drawing
    package var diagramTitle: String
    package var diagramDescription: String

    /// Analyzes `study` (already de-identified if it is to be) and builds its report and diagram.
    package init(
        study: Study, preference: LimitPreference = .lab, labLimits: LabProfileLimits? = nil,
        deidentified: Bool = false, generatedAt: String? = nil, generator: String = "edx"
    ) {
        let analysis = StudyAnalysis.analyze(study, preference: preference, labLimits: labLimits)
        self.init(
            study: study, analysis: analysis,
            options: ReportOptions(
                deidentified: deidentified, generatedAt: generatedAt, generator: generator, limits: preference))
    }

    package init(study: Study, analysis: StudyAnalysis, options: ReportOptions) {
        report = StudyReport(study: study, analysis: analysis, options: options)
        diagram = LesionDiagram.draw(study: study, analysis: analysis)
        (diagramTitle, diagramDescription) = LesionDiagram.accessibleText(study: study, analysis: analysis)
    }
}

/// A document that could not be made.
package enum DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The record formats refused the input (an empty signer, a time that is not one).
    case interop(InteropError)
    /// An SVG holds one study's diagram: several need a folder.
    case oneStudyPerFile(DocumentFormat)

    package var description: String {
        switch self {
        case .interop(let error): "\(error)"
        case .oneStudyPerFile(let format):
            "--format \(format.rawValue) writes one study per file: give --out DIR/ for several studies"
        }
    }
}

package enum Documents {
    /// One study's document. `figureLink` is the Markdown that shows its diagram (a link to the SVG
    /// file written beside it), when there is one. `pdf` is the study's PDF when the caller made it
    /// already (PDF, FHIR and HL7 of one study share it); nil makes it here.
    package static func render(
        _ study: RenderedStudy, format: DocumentFormat, options: DocumentOptions, figureLink: String? = nil,
        pdf made: [UInt8]? = nil
    ) throws(DocumentError) -> [UInt8] {
        switch format {
        case .text, .json:
            return Array(
                ReportRendering.render(study.report, format: format.reportFormat!, layout: options.layout).utf8)
        case .markdown:
            let figures = figureLink.map { [ReportFigure.lesionDiagram: $0] } ?? [:]
            return Array(
                MarkdownReport.render(study.report, charset: options.layout.charset, figures: figures).utf8)
        case .pdf:
            return made ?? pdf(study, options)
        case .svg:
            return Array(
                SVGRenderer.svg(study.diagram, title: study.diagramTitle, description: study.diagramDescription).utf8)
        case .fhir:
            do {
                return Array(
                    try FHIRExport.bundle(study.report, pdf: made ?? pdf(study, options), status: options.status).utf8)
            } catch { throw .interop(error) }
        case .hl7:
            let pdf = made ?? pdf(study, options)
            do {
                return Array(try HL7Export.oru(study.report, pdf: pdf, status: options.status).utf8)
            } catch .noMessageTime {
                // MSH-7 is required: a study without a date (and no --timestamp) is sent at the time of
                // the message, the one thing then not repeatable byte for byte.
                let now = ISO8601DateFormatter().string(from: Date())
                do {
                    return Array(
                        try HL7Export.oru(study.report, pdf: pdf, status: options.status, messageTime: now).utf8)
                } catch { throw .interop(error) }
            } catch { throw .interop(error) }
        }
    }

    /// Several studies in one stream: text reports separated by form feeds, Markdown by rules, JSON
    /// as JSON Lines, one PDF with each report from a new page, FHIR bundles as NDJSON (one bundle a
    /// line, as FHIR bulk data), HL7 messages one after the other. An SVG holds one study.
    package static func render(_ studies: [RenderedStudy], format: DocumentFormat, options: DocumentOptions)
        throws(DocumentError) -> [UInt8]
    {
        if studies.count == 1 { return try render(studies[0], format: format, options: options) }
        switch format {
        case .text, .markdown, .json:
            return Array(
                ReportRendering.render(studies.map(\.report), format: format.reportFormat!, layout: options.layout)
                    .utf8)
        case .pdf:
            return ReportPDF.bytes(
                studies.map { ReportPDFInput(report: $0.report, diagram: $0.diagram) }, options: options.pdfOptions)
        case .svg:
            if studies.isEmpty { return [] }
            throw .oneStudyPerFile(.svg)
        case .fhir:
            var out: [UInt8] = []
            for study in studies {
                let bundle = try render(study, format: .fhir, options: options)
                out += compactJSON(bundle) + [0x0A]
            }
            return out
        case .hl7:
            var out: [UInt8] = []
            for study in studies { out += try render(study, format: .hl7, options: options) }
            return out
        }
    }

    /// Whether the document of `format` holds the study's PDF.
    package static func carriesPDF(_ format: DocumentFormat) -> Bool { [.pdf, .fhir, .hl7].contains(format) }

    /// The study's PDF (the document itself, and what the record formats carry).
    package static func pdf(_ study: RenderedStudy, _ options: DocumentOptions) -> [UInt8] {
        ReportPDF.bytes([ReportPDFInput(report: study.report, diagram: study.diagram)], options: options.pdfOptions)
    }

    /// JSON on one line, keys sorted.
    static func compactJSON(_ bytes: [UInt8]) -> [UInt8] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return bytes.filter { $0 != 0x0A } }
        return [UInt8](data)
    }
}
