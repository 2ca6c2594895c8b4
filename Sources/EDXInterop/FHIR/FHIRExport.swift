import EDXModel
import EDXReference
package import EDXReport
import Foundation

/// A report as a FHIR R4 `Bundle` of type `collection`: the `DiagnosticReport`, its `Patient`, the
/// signing `Practitioner` when there is one, and one `Observation` per value and per needle
/// examination (docs/interop.md, "FHIR R4").
///
/// A `collection` rather than a `document`: a document bundle starts with a `Composition` that holds
/// the narrative sections and is itself the attested record, while edx's signed record is the PDF
/// (`presentedForm`) and the `DiagnosticReport` with its results is what FHIR servers file and query.
///
/// The JSON is the same bytes on every run: keys sorted, resource ids and `fullUrl`s name-based UUIDs of
/// the patient id, the study id and the resource (``NameUUID``), nothing taken from the clock.
package enum FHIRExport {
    /// The bundle as JSON, ending with a newline.
    ///
    /// - Parameters:
    ///   - report: the report, built by `ReportRendering.report(for:…)`.
    ///   - pdf: the report as PDF, for `presentedForm`; nil leaves it out.
    ///   - status: preliminary until signed; final with the signer's name.
    ///   - issued: when the report was released, an ISO 8601 date-time with seconds and zone
    ///     (`DiagnosticReport.issued`, `Bundle.timestamp`); nil uses the report's generation time, if any.
    /// - Throws: ``InteropError/emptySigner`` or ``InteropError/invalidTime(_:)``.
    package static func bundle(
        _ report: StudyReport, pdf: [UInt8]? = nil, status: ReportStatus = .preliminary, issued: String? = nil
    ) throws(InteropError) -> String {
        let status = try status.validated()
        var issuedTime: InteropTime?
        if let text = issued ?? report.generatedAt {
            guard let time = InteropTime(text), time.isInstant else { throw .invalidTime(text) }
            issuedTime = time
        }
        let ids = ResourceIDs(report)
        let observations = ReportObservations.all(report)
        let effective = report.study.date.flatMap(InteropTime.init).map(\.fhir)

        var entries: [JSONValue] = []
        func add(_ id: String, _ resource: JSONValue) {
            entries.append(.object(["fullUrl": .string("urn:uuid:" + id), "resource": resource]))
        }
        let practitioner = status.signer.map { ids.practitioner($0) }
        add(
            ids.report,
            diagnosticReport(
                report, status: status, ids: ids, observations: observations, practitioner: practitioner,
                effective: effective, issued: issuedTime?.fhir, pdf: pdf))
        add(ids.patient, patient(report, id: ids.patient))
        if let practitioner, let signer = status.signer {
            var resource = JSONObject()
            resource["resourceType"] = .string("Practitioner")
            resource["id"] = .string(practitioner)
            resource["name"] = .array([.object(["text": .string(signer)])])
            add(practitioner, resource.value)
        }
        for item in observations {
            add(
                ids.observation(item.key),
                observation(
                    item, id: ids.observation(item.key), status: status, patient: ids.patient, effective: effective))
        }
        var bundle = JSONObject()
        bundle["resourceType"] = .string("Bundle")
        bundle["id"] = .string(ids.bundle(status))
        bundle["type"] = .string("collection")
        bundle.set("timestamp", issuedTime?.fhir)
        bundle["entry"] = .array(entries)
        return bundle.value.rendered() + "\n"
    }

    // MARK: Resources

    private static func diagnosticReport(
        _ report: StudyReport, status: ReportStatus, ids: ResourceIDs, observations: [ReportObservation],
        practitioner: String?, effective: String?, issued: String?, pdf: [UInt8]?
    ) -> JSONValue {
        var resource = JSONObject()
        resource["resourceType"] = .string("DiagnosticReport")
        resource["id"] = .string(ids.report)
        resource["identifier"] = .array([.object(["value": .string(report.study.id)])])
        resource["status"] = .string(statusCode(status).code)
        resource["category"] = .array([concept(InteropCodes.electroneuro)])
        resource["code"] = concept(InteropCodes.emgStudy)
        resource["subject"] = reference(ids.patient)
        resource.set("effectiveDateTime", effective)
        resource.set("issued", issued)
        if let practitioner {
            resource["performer"] = .array([reference(practitioner)])
            resource["resultsInterpreter"] = .array([reference(practitioner)])
        }
        resource.set("result", observations.map { reference(ids.observation($0.key)) })
        resource.set("conclusion", ReportNarrative.impression(report))
        resource.set(
            "conclusionCode",
            report.impression.codes.map { suggestion in
                JSONValue.object([
                    "coding": .array([
                        .object([
                            "system": .string(InteropCodes.icd10cm), "code": .string(suggestion.code),
                            "display": .string(suggestion.description),
                        ])
                    ]),
                    "text": .string(suggestion.description),
                ])
            })
        if let pdf {
            resource["presentedForm"] = .array([
                .object([
                    "contentType": .string("application/pdf"),
                    "data": .string(Data(pdf).base64EncodedString()),
                    "title": .string("Electrodiagnostic report \(report.study.id)"),
                ])
            ])
        }
        return resource.value
    }

    /// The patient: the id (the de-identified code when de-identified), sex, and name and birth date
    /// only when they are known and the report is not de-identified.
    private static func patient(_ report: StudyReport, id: String) -> JSONValue {
        var resource = JSONObject()
        resource["resourceType"] = .string("Patient")
        resource["id"] = .string(id)
        if let value = report.patient.id, !value.isEmpty {
            resource["identifier"] = .array([.object(["value": .string(value)])])
        }
        if !report.patient.deidentified {
            if let name = report.patient.name, !name.isEmpty {
                resource["name"] = .array([.object(["text": .string(name)])])
            }
            if let birth = report.patient.birthDate.flatMap(InteropTime.init), birth.clock == nil {
                resource["birthDate"] = .string(birth.fhir)
            }
        }
        resource.set("gender", report.patient.sex.map(gender))
        return resource.value
    }

    private static func gender(_ sex: Sex) -> String {
        switch sex {
        case .female: "female"
        case .male: "male"
        case .other: "other"
        case .unknown: "unknown"
        }
    }

    private static func observation(
        _ item: ReportObservation, id: String, status: ReportStatus, patient: String, effective: String?
    ) -> JSONValue {
        var resource = JSONObject()
        resource["resourceType"] = .string("Observation")
        resource["id"] = .string(id)
        resource["status"] = .string(statusCode(status).code)
        resource["code"] = code(item.measure)
        resource["subject"] = reference(patient)
        resource.set("effectiveDateTime", effective)
        switch item.value {
        case .quantity(let number, let unit): resource["valueQuantity"] = quantity(number, unit)
        case .noResponse: resource["valueString"] = .string("no response")
        case .text(let text): resource["valueString"] = .string(text)
        case .none: break
        }
        if let interpretation = item.interpretation {
            resource["interpretation"] = .array([concept(interpretation.code)])
        }
        if let limit = item.limit {
            var range = JSONObject()
            range[limit.bound == .lower ? "low" : "high"] = quantity(limit.value, limit.unit)
            range.set("text", limit.text)
            resource["referenceRange"] = .array([range.value])
        }
        if let site = item.bodySite, !site.isEmpty { resource["bodySite"] = .object(["text": .string(site)]) }
        resource.set(
            "component",
            item.components.map { part in
                var component = JSONObject()
                component["code"] = code(part.measure)
                switch part.value {
                case .quantity(let number, let unit): component["valueQuantity"] = quantity(number, unit)
                case .noResponse: component["valueString"] = .string("no response")
                case .text(let text): component["valueString"] = .string(text)
                case .none: break
                }
                return component.value
            })
        if let note = item.note, !note.isEmpty { resource["note"] = .array([.object(["text": .string(note)])]) }
        return resource.value
    }

    // MARK: Data types

    private static func statusCode(_ status: ReportStatus) -> SourcedCode {
        switch status {
        case .preliminary: InteropCodes.fhirPreliminary
        case .final: InteropCodes.fhirFinal
        }
    }

    /// A measure's code: LOINC first where it has one, then edx's.
    private static func code(_ measure: InteropMeasure) -> JSONValue {
        let entry = measure.entry
        var codings: [JSONValue] = []
        if let loinc = entry.loinc {
            codings.append(coding(InteropCodes.loinc, loinc.code, loinc.display))
        }
        codings.append(coding(InteropCodes.edx, entry.code, entry.display))
        return .object(["coding": .array(codings), "text": .string(entry.display)])
    }

    private static func concept(_ code: SourcedCode) -> JSONValue {
        .object(["coding": .array([coding(code.system, code.code, code.display)])])
    }

    private static func coding(_ system: String, _ code: String, _ display: String) -> JSONValue {
        .object(["system": .string(system), "code": .string(code), "display": .string(display)])
    }

    private static func reference(_ id: String) -> JSONValue {
        .object(["reference": .string("urn:uuid:" + id)])
    }

    /// A quantity in its report unit, coded in UCUM when the unit is in ``UCUMUnits``.
    private static func quantity(_ value: Double, _ unit: String) -> JSONValue {
        var quantity = JSONObject()
        quantity["value"] = .number(value)
        quantity["unit"] = .string(unit)
        if let code = UCUMUnits.code(unit) {
            quantity["system"] = .string(InteropCodes.ucum)
            quantity["code"] = .string(code)
        }
        return quantity.value
    }
}

/// The ids of a report's resources: name-based UUIDs (``NameUUID``) of the patient id, the study id and
/// the resource. A de-identified report names them from its codes, so its ids say nothing of the
/// originals. The patient's id does not depend on the study, so two studies of a patient name one
/// Patient; without a patient id, the study stands in.
struct ResourceIDs {
    private let patientKey: String
    private let studyKey: String

    init(_ report: StudyReport) {
        studyKey = report.study.id
        patientKey = report.patient.id.flatMap { $0.isEmpty ? nil : $0 } ?? "study:" + report.study.id
    }

    var patient: String { NameUUID.uuid("Patient", patientKey) }
    var report: String { NameUUID.uuid("DiagnosticReport", patientKey, studyKey) }
    func observation(_ key: String) -> String { NameUUID.uuid("Observation", patientKey, studyKey, key) }
    func practitioner(_ name: String) -> String { NameUUID.uuid("Practitioner", name) }
    /// MSH-10: `EDX` and 16 hexadecimal digits, within the 20 characters of v2.5.1.
    func messageControlID(_ status: ReportStatus, time: String) -> String {
        let uuid = NameUUID.uuid("Message", patientKey, studyKey, status.word, status.signer ?? "", time)
        return "EDX" + uuid.filter { $0 != "-" }.prefix(16)
    }
    func bundle(_ status: ReportStatus) -> String {
        NameUUID.uuid("Bundle", patientKey, studyKey, status.word, status.signer ?? "")
    }
}
