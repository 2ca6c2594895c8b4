package import EDXDocuments
package import EDXFindings
import EDXImport
package import EDXLabProfile
import EDXLocalization
import EDXModel
import EDXOutput
package import EDXPrivacy
import EDXReference
package import EDXReport
import Foundation

/// What a batch writes for each study.
package struct BatchOptions: Sendable {
    package var outputDirectory: String
    /// Report formats written per study into `reports/` (none: index and summaries only).
    package var formats: [DocumentFormat]
    package var layout: TextLayoutOptions
    package var preference: LimitPreference
    /// A lab profile: its aliases when reading, its limits when analyzing every study.
    package var profile: LabProfile?
    /// De-identifies every study, path and diagnostic before anything is written (its link file
    /// keeps the codes stable across runs and resumes).
    package var deidentifier: Deidentifier?
    /// The audit log appended to at the end of the run (`<out>/audit.jsonl` by default; nil: none).
    package var auditLog: String?
    /// The command line, already redacted, for the audit log.
    package var arguments: [String]
    package var shard: Shard
    package var resume: Bool
    package var workers: Int
    /// Studies analyzed in parallel between two commits of the index; bounds memory.
    package var chunkSize: Int
    package var generator: String

    package init(
        outputDirectory: String, formats: [DocumentFormat] = [.json], layout: TextLayoutOptions = TextLayoutOptions(),
        preference: LimitPreference = .lab, profile: LabProfile? = nil, deidentifier: Deidentifier? = nil,
        auditLog: String? = nil, arguments: [String] = [], shard: Shard = .whole, resume: Bool = false,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = 256, generator: String = "edx"
    ) {
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.layout = layout
        self.preference = preference
        self.profile = profile
        self.deidentifier = deidentifier
        self.auditLog = auditLog
        self.arguments = arguments
        self.shard = shard
        self.resume = resume
        self.workers = max(1, workers)
        self.chunkSize = max(1, chunkSize)
        self.generator = generator
    }

    package var deidentify: Bool { deidentifier != nil }

    /// Settings recorded in the index; a later run into the same folder must match them. The shard
    /// is one of them: resuming part 2 of 3 in the folder of part 1 would mix the parts.
    var settings: [String: String] {
        [
            "schemaVersion": String(BatchIndex.schemaVersion),
            "formats": formats.map(\.rawValue).joined(separator: ","),
            "limits": preference.rawValue, "deidentify": String(deidentify),
            "dates": deidentifier?.policy.dates.rawValue ?? "as exported",
            "freeText": deidentifier.map { $0.policy.keepFreeText ? "kept" : "removed" } ?? "kept",
            "shard": shard.description,
            "labProfile": profile.map { "\($0.name) (\($0.fingerprint))" } ?? "none",
            "width": String(layout.width), "pageLength": String(layout.pageLength), "charset": layout.charset.rawValue,
        ]
    }
}

/// A study waiting for analysis, with its place in the input.
struct PendingStudy: Sendable {
    var source: String
    var ordinal: Int
    var study: Study
    var hash: UInt64
    var warnings: [String]
}

/// The result of one entry, ready for the index.
struct ProcessedEntry: Sendable {
    var entry: BatchEntry
    var diagnoses: [DiagnosisRow] = []
    var findings: [FindingRow] = []
    /// Set when a report could not be written.
    var writeError: OutputError?
}

enum StudyProcessing {
    /// Analyzes one study, writes its reports atomically and builds its index rows.
    static func process(_ pending: PendingStudy, options: BatchOptions) -> ProcessedEntry {
        let study = pending.study
        let analysis = StudyAnalysis.analyze(study, preference: options.preference, labLimits: options.profile?.limits)
        let key = StudyKey.key(id: study.id, hash: pending.hash)
        var entry = BatchEntry(
            source: pending.source, ordinal: pending.ordinal, line: study.source.line, status: .ok, id: study.id,
            key: key, contentHash: StudyKey.hex(pending.hash), duplicateOf: nil, date: study.date,
            year: study.date.flatMap { Int($0.prefix(4)) }, ageYears: study.patient.ageYears,
            sex: study.patient.sex?.rawValue, warnings: pending.warnings.count, diagnostics: pending.warnings,
            reports: [])
        let diagnoses = analysis.localization.diagnoses
        if let top = diagnoses.first {
            entry.primaryCode = top.code.rawValue
            entry.side = top.side.rawValue
            entry.probability = top.probability
            entry.severity = top.severity?.rawValue
            entry.acuity = top.acuity?.rawValue
            entry.pathophysiology = top.pathophysiology?.rawValue
        }
        if diagnoses.count > 1 {
            entry.secondCode = diagnoses[1].code.rawValue
            entry.secondProbability = diagnoses[1].probability
        }
        var processed = ProcessedEntry(entry: entry)
        let base = reportBaseName(id: study.id, hash: pending.hash)
        // The report and diagram only when reports are written: with --reports none they are not needed.
        let rendered =
            options.formats.isEmpty
            ? nil
            : RenderedStudy(
                study: study, analysis: analysis,
                options: ReportOptions(
                    deidentified: options.deidentify, generator: options.generator, limits: options.preference))
        // Markdown links the diagram, written as an SVG file beside it.
        var formats = options.formats
        if formats.contains(.markdown), !formats.contains(.svg) { formats.insert(.svg, at: 0) }
        let documentOptions = DocumentOptions(layout: options.layout, creator: options.generator)
        // Made once: the PDF report, the FHIR Bundle and the HL7 message of a study all hold it.
        let pdf = rendered.flatMap {
            formats.contains(where: Documents.carriesPDF) ? Documents.pdf($0, documentOptions) : nil
        }
        for format in formats {
            guard let rendered else { break }
            let name = "reports/\(base).\(format.fileExtension)"
            let link = format == .markdown ? "![\(ReportFigure.lesionDiagram.title)](\(base).svg)" : nil
            let bytes: [UInt8]
            do {
                bytes = try Documents.render(
                    rendered, format: format, options: documentOptions, figureLink: link, pdf: pdf)
            } catch {
                // A record format that cannot be made for this study (no date for HL7's MSH-7).
                processed.entry.diagnostics.append("\(name): \(error)")
                continue
            }
            do throws(OutputError) {
                try OutputFile.createFolder(options.outputDirectory + "/reports")
                try OutputFile.write(bytes: bytes, to: options.outputDirectory + "/" + name)
                processed.entry.reports.append(name)
            } catch {
                // Not done: recorded as a write error, counted as a failure, redone by --resume.
                processed.writeError = error
                processed.entry.status = .writeError
                processed.entry.diagnostics.append("\(error)")
                processed.entry.reports = []
                break
            }
        }
        processed.diagnoses = diagnoses.enumerated().map { index, diagnosis in
            DiagnosisRow(
                studyKey: key, rank: index + 1, code: diagnosis.code.rawValue, side: diagnosis.side.rawValue,
                probability: diagnosis.probability, severity: diagnosis.severity?.rawValue,
                acuity: diagnosis.acuity?.rawValue, pathophysiology: diagnosis.pathophysiology?.rawValue,
                icd10cm: ICD10CM.suggestions(
                    for: diagnosis.code, side: diagnosis.side, level: diagnosis.level, pattern: diagnosis.pattern
                )
                .map(\.code).joined(separator: ","))
        }
        processed.findings = findingRows(analysis.findings, key: key)
        return processed
    }

    /// `EX-2025-0001_3f2a9c1b`: the study id made safe for a file name, and 8 hex digits of the
    /// content hash so that different studies with one id never overwrite each other.
    static func reportBaseName(id: String, hash: UInt64) -> String {
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) ? $0 : "_" })
        return "\(safe.prefix(80))_\(StudyKey.hex(hash).prefix(8))"
    }

    static func findingRows(_ findings: StudyFindings, key: String) -> [FindingRow] {
        let statements = FindingStatements(findings)
        func statement(_ id: FindingID) -> String { statements.statement(id) ?? "" }
        var rows: [FindingRow] = []
        for m in findings.measurements {
            rows.append(
                FindingRow(
                    studyKey: key, findingID: m.id.rawValue, category: "measurement", kind: m.measure.rawValue,
                    side: m.side.rawValue, subject: m.study.description, value: m.value, unit: m.unit,
                    abnormal: m.classification.isAbnormal, statement: statement(m.id)))
        }
        for c in findings.comparisons {
            rows.append(
                FindingRow(
                    studyKey: key, findingID: c.id.rawValue, category: "comparison", kind: c.measure.rawValue,
                    side: c.worseSide.rawValue, subject: c.study.description, value: c.difference, unit: c.unit,
                    abnormal: c.abnormal, statement: statement(c.id)))
        }
        for n in findings.nerves {
            rows.append(
                FindingRow(
                    studyKey: key, findingID: n.id.rawValue, category: "nerve", kind: n.kind.rawValue,
                    side: n.side.rawValue, subject: n.study.description, value: nil, unit: nil,
                    abnormal: n.kind.isAbnormal, statement: statement(n.id)))
        }
        for m in findings.muscles {
            rows.append(
                FindingRow(
                    studyKey: key, findingID: m.id.rawValue, category: "muscle", kind: m.acuity?.rawValue,
                    side: m.side.rawValue, subject: m.muscle?.rawValue ?? m.label, value: m.denervation?.value,
                    unit: nil, abnormal: m.neurogenic, activeDenervation: m.activeDenervation,
                    reinnervation: m.reinnervation, statement: statement(m.id)))
        }
        return rows
    }
}
