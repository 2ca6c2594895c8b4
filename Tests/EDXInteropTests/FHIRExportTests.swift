import EDXInterop
import EDXReport
import EDXTestSupport
import Foundation
import Testing

@Suite("FHIR R4 bundle")
struct FHIRExportTests {
    static let example = "examples/peroneal-fibular-head-left.xml"

    @Test("The DiagnosticReport: EMG study, Electroneuro, subject, date, conclusion and codes from the report")
    func diagnosticReport() throws {
        let report = try InteropFixtures.report(Self.example)
        let parsed = try ParsedBundle(try FHIRExport.bundle(report))
        #expect(parsed.bundle["type"] as? String == "collection")
        #expect(parsed.bundle["timestamp"] == nil)
        let diagnostic = parsed.report
        #expect(diagnostic["status"] as? String == "preliminary")
        let code = try #require((diagnostic["code"] as? [String: Any])?["coding"] as? [[String: Any]])
        #expect(code.first?["system"] as? String == "http://loinc.org")
        #expect(code.first?["code"] as? String == "18749-2")
        #expect(code.first?["display"] as? String == "Electromyogram study")
        let category = try #require((diagnostic["category"] as? [[String: Any]])?.first?["coding"] as? [[String: Any]])
        #expect(category.first?["system"] as? String == "http://terminology.hl7.org/CodeSystem/v2-0074")
        #expect(category.first?["code"] as? String == "EN")
        #expect(diagnostic["effectiveDateTime"] as? String == report.study.date)
        #expect(diagnostic["issued"] == nil)
        #expect(diagnostic["performer"] == nil)
        #expect(diagnostic["presentedForm"] == nil)
        let conclusion = try #require(diagnostic["conclusion"] as? String)
        #expect(conclusion.hasPrefix(try #require(report.impression.paragraphs.first)))
        let codes = try #require(diagnostic["conclusionCode"] as? [[String: Any]])
        let coded = codes.compactMap { ($0["coding"] as? [[String: Any]])?.first }
        #expect(coded.map { $0["code"] as? String } == report.impression.codes.map(\.code))
        #expect(coded.allSatisfy { $0["system"] as? String == "http://hl7.org/fhir/sid/icd-10-cm" })
        #expect(!report.impression.codes.isEmpty)
        // The subject is the bundle's Patient.
        let subject = (diagnostic["subject"] as? [String: Any])?["reference"] as? String
        #expect(subject == "urn:uuid:" + (parsed.patient["id"] as? String ?? "?"))
    }

    @Test("Final: status final, issued, the signer as performer and results interpreter; the PDF round-trips")
    func finalWithPDF() throws {
        let report = try InteropFixtures.report(Self.example)
        let text = try FHIRExport.bundle(
            report, pdf: InteropFixtures.pdf, status: .final(signedBy: "Dr Ana Signer"), issued: "2025-12-01T09:30:00Z")
        let parsed = try ParsedBundle(text)
        let diagnostic = parsed.report
        #expect(diagnostic["status"] as? String == "final")
        #expect(diagnostic["issued"] as? String == "2025-12-01T09:30:00Z")
        #expect(parsed.bundle["timestamp"] as? String == "2025-12-01T09:30:00Z")
        let practitioner = try #require(parsed.resources("Practitioner").first)
        #expect(((practitioner["name"] as? [[String: Any]])?.first?["text"]) as? String == "Dr Ana Signer")
        let reference = "urn:uuid:" + (practitioner["id"] as? String ?? "?")
        for element in ["performer", "resultsInterpreter"] {
            let references = (diagnostic[element] as? [[String: Any]])?.compactMap { $0["reference"] as? String }
            #expect(references == [reference], "\(element)")
        }
        #expect(parsed.resources("Observation").allSatisfy { $0["status"] as? String == "final" })
        let form = try #require((diagnostic["presentedForm"] as? [[String: Any]])?.first)
        #expect(form["contentType"] as? String == "application/pdf")
        #expect((form["title"] as? String)?.contains(report.study.id) == true)
        let encoded = try #require(form["data"] as? String)
        let data = try #require(Data(base64Encoded: encoded))
        #expect(Array(data) == InteropFixtures.pdf)
    }

    @Test("One Observation per value of the tables and per needle examination, each a result of the report")
    func observationsCoverTheTables() throws {
        let report = try InteropFixtures.report(Self.example)
        let parsed = try ParsedBundle(try FHIRExport.bundle(report))
        // Counted from the report itself: each cell with a value or a no-response, each plain number.
        func counts(_ cells: [ValueCell?]) -> Int { cells.filter { $0?.value != nil || $0?.noResponse == true }.count }
        var expected = report.motor.map { row in
            counts([row.latency, row.amplitude, row.duration, row.area, row.velocity])
                + (row.amplitudeChangePercent == nil ? 0 : 1)
        }.reduce(0, +)
        expected += report.sensory.map { counts([$0.onsetLatency, $0.peakLatency, $0.amplitude, $0.velocity]) }
            .reduce(0, +)
        expected += report.lateResponses.map { row in
            counts([row.latency, row.amplitude, row.sideDifference]) + (row.persistencePercent == nil ? 0 : 1)
        }.reduce(0, +)
        expected += report.needle.count
        let observations = parsed.resources("Observation")
        #expect(observations.count == expected)
        #expect(observations.count > 20)
        let results = (parsed.report["result"] as? [[String: Any]])?.compactMap { $0["reference"] as? String }
        #expect(results == observations.map { "urn:uuid:" + ($0["id"] as? String ?? "?") })
    }

    @Test("A CMAP amplitude: LOINC 98713-1, mV in UCUM, its lower limit as the low of the reference range")
    func cmapAmplitude() throws {
        let report = try InteropFixtures.report(Self.example)
        let parsed = try ParsedBundle(try FHIRExport.bundle(report))
        let cell = try #require(report.motor.first?.amplitude)
        let amplitudes = parsed.resources("Observation").filter { observation in
            let codings = (observation["code"] as? [String: Any])?["coding"] as? [[String: Any]]
            return codings?.first?["code"] as? String == "98713-1"
        }
        #expect(amplitudes.count == report.motor.filter { $0.amplitude?.value != nil }.count)
        let first = try #require(amplitudes.first)
        let codings = try #require((first["code"] as? [String: Any])?["coding"] as? [[String: Any]])
        #expect(codings.map { $0["system"] as? String } == ["http://loinc.org", "urn:edx:fhir:measure"])
        let quantity = try #require(first["valueQuantity"] as? [String: Any])
        #expect(quantity["value"] as? Double == cell.value)
        #expect(quantity["system"] as? String == "http://unitsofmeasure.org")
        #expect(quantity["code"] as? String == "mV")
        let range = try #require((first["referenceRange"] as? [[String: Any]])?.first)
        #expect((range["low"] as? [String: Any])?["value"] as? Double == cell.limit?.value)
        #expect(range["high"] == nil)
        let interpretation = (first["interpretation"] as? [[String: Any]])?.first?["coding"] as? [[String: Any]]
        #expect(interpretation?.first?["code"] as? String == "N")
        let components = (first["component"] as? [[String: Any]]) ?? []
        let names = components.compactMap {
            (($0["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String
        }
        #expect(names.starts(with: ["nerve", "side", "stimulation-site", "recording-site"]))
        #expect((first["bodySite"] as? [String: Any])?["text"] as? String == report.motor.first?.nerve)
    }

    @Test("Abnormal values carry L, H or A; a needle examination with denervation is A with its findings")
    func interpretations() throws {
        let report = try InteropFixtures.report(Self.example)
        let parsed = try ParsedBundle(try FHIRExport.bundle(report))
        func interpretation(_ observation: [String: Any]) -> String? {
            ((observation["interpretation"] as? [[String: Any]])?.first?["coding"] as? [[String: Any]])?.first?["code"]
                as? String
        }
        let codes = parsed.resources("Observation").compactMap(interpretation)
        #expect(Set(codes).isSubset(of: ["L", "H", "A", "N"]))
        #expect(codes.contains("A"))
        #expect(codes.contains("L") || codes.contains("H"))
        let needle = parsed.resources("Observation").filter { observation in
            let codings = (observation["code"] as? [String: Any])?["coding"] as? [[String: Any]]
            return codings?.first?["code"] as? String == "needle-examination"
        }
        #expect(needle.count == report.needle.count)
        let abnormal = try #require(needle.first { interpretation($0) == "A" })
        let components = (abnormal["component"] as? [[String: Any]]) ?? []
        let recruitment = components.first { component in
            let codings = (component["code"] as? [String: Any])?["coding"] as? [[String: Any]]
            return codings?.first?["code"] as? String == "98726-3"
        }
        #expect(recruitment?["valueString"] as? String == report.needle.first { $0.abnormal }?.recruitment)
    }

    @Test("The same report gives the same bytes; ids are UUIDs, stable from preliminary to final")
    func deterministic() throws {
        let report = try InteropFixtures.report(Self.example)
        let first = try FHIRExport.bundle(report)
        #expect(try FHIRExport.bundle(report) == first)
        let signed = try ParsedBundle(try FHIRExport.bundle(report, status: .final(signedBy: "Dr Ana Signer")))
        let draft = try ParsedBundle(first)
        #expect(signed.report["id"] as? String == draft.report["id"] as? String)
        #expect(signed.bundle["id"] as? String != draft.bundle["id"] as? String)
        let uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        let ids = draft.entries.compactMap { ($0["resource"] as? [String: Any])?["id"] as? String }
        #expect(ids.allSatisfy { $0.wholeMatch(of: uuid) != nil })
        #expect(Set(ids).count == ids.count)
        #expect(draft.entries.map { $0["fullUrl"] as? String } == ids.map { "urn:uuid:" + $0 })
        // Another study names other resources.
        let other = try ParsedBundle(
            try FHIRExport.bundle(try InteropFixtures.report("cases/02-peroneal-fh-mixed-right.xml")))
        #expect(other.report["id"] as? String != draft.report["id"] as? String)
    }

    @Test("Name and birth date when present; a year-only study date is a valid dateTime")
    func patientAndDates() throws {
        var report = try InteropFixtures.report("cases/02-peroneal-fh-mixed-right.xml")
        report.patient.name = "Jane Q. Doe"
        report.patient.birthDate = "1931-05-17"
        report.study.date = "2025"
        let parsed = try ParsedBundle(try FHIRExport.bundle(report))
        #expect(((parsed.patient["name"] as? [[String: Any]])?.first?["text"]) as? String == "Jane Q. Doe")
        #expect(parsed.patient["birthDate"] as? String == "1931-05-17")
        #expect(parsed.report["effectiveDateTime"] as? String == "2025")
    }

    @Test("Refused: a final report without a signer, an issued time without seconds or zone")
    func refusals() throws {
        let report = try InteropFixtures.report(Self.example)
        #expect(throws: InteropError.emptySigner) { try FHIRExport.bundle(report, status: .final(signedBy: "  ")) }
        #expect(throws: InteropError.invalidTime("2025-12-01")) { try FHIRExport.bundle(report, issued: "2025-12-01") }
        #expect(throws: InteropError.invalidTime("2025-12-01T09:30")) {
            try FHIRExport.bundle(report, issued: "2025-12-01T09:30")
        }
    }
}
