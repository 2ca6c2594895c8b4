import EDXFindings
import EDXModel
import EDXReference
package import EDXReport
import Foundation

/// A report as an HL7 v2.5.1 `ORU^R01` message: MSH, PID, one OBR for the study, then OBX segments
/// for the impression and findings (FT), the suggested ICD-10-CM codes (CE), every value of the tables
/// and every needle examination, and the PDF (ED) (docs/interop.md, "HL7 v2.5.1").
///
/// A table row is a group of OBX segments: its context (nerve, side, sites, distances) under sub-ID
/// `n`, then each value under `n.1`, `n.2` … with what belongs to that value alone (a temperature
/// correction, the findings of a needle examination) under the same sub-ID.
///
/// Segments end with a carriage return. The message is the same bytes on every run: its control id
/// (MSH-10) is a hash of the report and status, and its time comes from the caller or the report.
package enum HL7Export {
    /// The message, each segment ending with a carriage return.
    ///
    /// - Parameters:
    ///   - report: the report, built by `ReportRendering.report(for:…)`.
    ///   - pdf: the report as PDF, for an ED segment; nil leaves it out.
    ///   - status: preliminary until signed; final with the signer's name (OBR-32).
    ///   - messageTime: MSH-7, an ISO 8601 date-time with seconds and zone. Nil uses the report's
    ///     generation time, else the study date (v2.5.1 requires MSH-7; a date is a valid DTM).
    /// - Throws: ``InteropError/emptySigner``, ``InteropError/invalidTime(_:)``, or
    ///   ``InteropError/noMessageTime`` when there is no time to write.
    package static func oru(
        _ report: StudyReport, pdf: [UInt8]? = nil, status: ReportStatus = .preliminary, messageTime: String? = nil
    ) throws(InteropError) -> String {
        let status = try status.validated()
        let time: InteropTime
        if let text = messageTime ?? report.generatedAt {
            guard let parsed = InteropTime(text), parsed.isInstant else { throw .invalidTime(text) }
            time = parsed
        } else if let date = report.study.date.flatMap(InteropTime.init) {
            time = date
        } else {
            throw .noMessageTime
        }
        let resultStatus = status.signer == nil ? InteropCodes.v2Preliminary.code : InteropCodes.v2Final.code
        var segments = [header(report, status: status, time: time), patient(report)]
        segments.append(order(report, resultStatus: resultStatus, signer: status.signer))
        var results = Results(status: resultStatus)
        if let impression = ReportNarrative.impression(report) {
            results.add(.formattedText, .impression, value: HL7Text.escape(impression, formatted: true))
        }
        if let findings = ReportNarrative.findings(report) {
            results.add(.formattedText, .findingsSummary, value: HL7Text.escape(findings, formatted: true))
        }
        var group = 0
        for suggestion in report.impression.codes {
            group += 1
            let code = [suggestion.code, suggestion.description, InteropCodes.icd10cmV2.code].map { HL7Text.escape($0) }
            results.add(.codedEntry, .suggestedCode, subID: String(group), value: code.joined(separator: "^"))
        }
        var rows: [[ReportObservation]] = []
        for item in ReportObservations.all(report) {
            if rows.last?.first?.row == item.row { rows[rows.count - 1].append(item) } else { rows.append([item]) }
        }
        for row in rows {
            group += 1
            results.add(row: row, subID: group)
        }
        if let pdf {
            let data = [
                "", InteropCodes.applicationData.code, InteropCodes.pdfSubtype.code, InteropCodes.base64.code,
                Data(pdf).base64EncodedString(),
            ]
            results.add(.encapsulated, .reportDocument, value: data.joined(separator: "^"))
        }
        segments += results.segments
        return segments.map { $0 + "\r" }.joined()
    }

    // MARK: Segments

    private static func header(_ report: StudyReport, status: ReportStatus, time: InteropTime) -> String {
        let control = ResourceIDs(report).messageControlID(status, time: time.hl7)
        var fields: [Int: String] = [:]
        fields[3] = "EDX"
        fields[7] = time.hl7
        fields[9] = InteropCodes.resultMessage.code
        fields[10] = control
        fields[11] = InteropCodes.production.code
        fields[12] = InteropCodes.version251.code
        fields[18] = InteropCodes.utf8.code
        // MSH-1 is the field separator itself and MSH-2 the encoding characters: neither is escaped.
        return "MSH|^~\\&|" + join(fields, from: 3)
    }

    /// PID: the patient id (PID-3); the name (PID-5) and birth date (PID-7) only when known and not
    /// de-identified, the code as a pseudonym (name type S) when de-identified; sex (PID-8).
    private static func patient(_ report: StudyReport) -> String {
        let patient = report.patient
        let id = patient.id.flatMap { $0.isEmpty ? nil : $0 }
        var fields: [Int: String] = [1: "1"]
        // PID-3 and PID-5 are required: a value that is not known is sent as the HL7 null `""`.
        fields[3] = id.map { HL7Text.escape($0) } ?? "\"\""
        if patient.deidentified {
            fields[5] = id.map { HL7Text.escape($0) + "^^^^^^" + InteropCodes.pseudonym.code } ?? "\"\""
        } else {
            fields[5] = patient.name.flatMap { $0.isEmpty ? nil : HL7Text.escape($0) } ?? "\"\""
            if let birth = patient.birthDate.flatMap(InteropTime.init), birth.clock == nil {
                fields[7] = birth.hl7
            }
        }
        fields[8] = patient.sex.map(sex)
        return "PID|" + join(fields, from: 1)
    }

    private static func sex(_ sex: Sex) -> String {
        switch sex {
        case .female: InteropCodes.female.code
        case .male: InteropCodes.male.code
        case .other: InteropCodes.otherSex.code
        case .unknown: InteropCodes.unknownSex.code
        }
    }

    /// OBR: the study (filler order number OBR-3, with edx as its namespace), the service (OBR-4,
    /// OBR-24), its date (OBR-7), the result status (OBR-25) and the signer (OBR-32).
    private static func order(_ report: StudyReport, resultStatus: String, signer: String?) -> String {
        var fields: [Int: String] = [1: "1"]
        fields[3] = HL7Text.escape(report.study.id) + "^EDX"
        let study = InteropCodes.emgStudy
        fields[4] = [study.code, study.display, InteropCodes.loincV2.code].map { HL7Text.escape($0) }
            .joined(separator: "^")
        fields[7] = report.study.date.flatMap(InteropTime.init)?.hl7
        fields[24] = InteropCodes.electroneuroV2.code
        fields[25] = resultStatus
        // NDL-1 is a CNN, written in subcomponents: no id, then the whole name (edx does not split names).
        fields[32] = signer.map { "&" + HL7Text.escape($0) }
        return "OBR|" + join(fields, from: 1)
    }

    /// Fields `from`…max joined by `|`, absent ones empty.
    private static func join(_ fields: [Int: String], from first: Int) -> String {
        guard let last = fields.keys.max() else { return "" }
        return (first...last).map { fields[$0] ?? "" }.joined(separator: "|")
    }
}

/// The OBX segments of a message, numbered in order.
private struct Results {
    let status: String
    private(set) var segments: [String] = []

    init(status: String) { self.status = status }

    /// An OBX of value type `type`, code `measure`, already-escaped value, optional sub-ID, units,
    /// reference range and abnormal flag.
    mutating func add(
        _ type: SourcedCode, _ measure: InteropMeasure, subID: String? = nil, value: String, units: String? = nil,
        range: String? = nil, flag: String? = nil
    ) {
        var fields: [Int: String] = [:]
        fields[1] = String(segments.count + 1)
        fields[2] = type.code
        fields[3] = Self.identifier(measure)
        fields[4] = subID
        fields[5] = value
        fields[6] = units
        fields[7] = range
        fields[8] = flag
        fields[11] = status
        let last = fields.keys.max() ?? 11
        segments.append("OBX|" + (1...last).map { fields[$0] ?? "" }.joined(separator: "|"))
    }

    /// The observations of one table row: the context they share once under sub-ID `n`, the examiner's
    /// comment, then each value under `n.1`, `n.2` … with its own components.
    mutating func add(row: [ReportObservation], subID: Int) {
        let group = String(subID)
        var context: [ObservationComponent] = []
        for part in row.flatMap(\.components) where part.shared && !context.contains(part) { context.append(part) }
        for part in context { add(part, subID: group) }
        if let note = row.compactMap(\.note).first(where: { !$0.isEmpty }) {
            add(.formattedText, .comment, subID: group, value: HL7Text.escape(note, formatted: true))
        }
        for (position, item) in row.enumerated() {
            let valueID = group + "." + String(position + 1)
            let range = item.limit.map { limit in
                (limit.bound == .lower ? ">" : "<") + HL7Text.escape(Format.number(limit.value))
            }
            let flag = item.interpretation?.code.code
            switch item.value {
            case .quantity(let number, let unit):
                add(
                    .numeric, item.measure, subID: valueID, value: Format.number(number), units: Self.units(unit),
                    range: range, flag: flag)
            case .noResponse:
                add(.stringData, item.measure, subID: valueID, value: "no response", range: range, flag: flag)
            case .text(let text):
                add(.stringData, item.measure, subID: valueID, value: HL7Text.escape(text), flag: flag)
            case .none:
                // A needle examination: the muscle is its value, its findings follow under its sub-ID.
                add(.stringData, item.measure, subID: valueID, value: HL7Text.escape(item.bodySite ?? ""), flag: flag)
            }
            for part in item.components where !part.shared { add(part, subID: valueID) }
        }
    }

    private mutating func add(_ part: ObservationComponent, subID: String) {
        switch part.value {
        case .quantity(let number, let unit):
            add(.numeric, part.measure, subID: subID, value: Format.number(number), units: Self.units(unit))
        case .text(let text): add(.stringData, part.measure, subID: subID, value: HL7Text.escape(text))
        case .noResponse: add(.stringData, part.measure, subID: subID, value: "no response")
        case .none: break
        }
    }

    /// OBX-3: the LOINC code with edx's as the alternate where LOINC has one, else edx's.
    private static func identifier(_ measure: InteropMeasure) -> String {
        let entry = measure.entry
        let local = [entry.code, entry.display, InteropCodes.localV2.code]
        let parts = entry.loinc.map { [$0.code, $0.display, InteropCodes.loincV2.code] + local } ?? local
        return parts.map { HL7Text.escape($0) }.joined(separator: "^")
    }

    /// OBX-6: the UCUM code, the report's symbol as text, and the coding system; the symbol alone when
    /// the unit has no UCUM code.
    private static func units(_ unit: String) -> String {
        guard let code = UCUMUnits.code(unit) else { return "^" + HL7Text.escape(unit) }
        return [code, unit, InteropCodes.ucumV2.code].map { HL7Text.escape($0) }.joined(separator: "^")
    }
}

extension SourcedCode {
    fileprivate static var stringData: SourcedCode { InteropCodes.stringData }
    fileprivate static var formattedText: SourcedCode { InteropCodes.formattedText }
    fileprivate static var codedEntry: SourcedCode { InteropCodes.codedEntry }
    fileprivate static var encapsulated: SourcedCode { InteropCodes.encapsulated }
    fileprivate static var numeric: SourcedCode { InteropCodes.numeric }
}
