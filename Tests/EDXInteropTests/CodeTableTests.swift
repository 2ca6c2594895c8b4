import EDXInterop
import EDXReference
import EDXReport
import EDXTestSupport
import Foundation
import Testing

/// The code tables of the writers: complete, consistent, cited, and shown current in docs/interop.md.
@Suite("Interop code tables")
struct CodeTableTests {
    static let doc = "docs/interop.md"

    /// LOINC's mod-10 check digit of the code's digits (LOINC Users' Guide): a mistyped code fails it.
    static func loincCheckDigit(_ digits: String) -> Int {
        let values = digits.compactMap(\.wholeNumberValue)
        let fromRight = Array(values.reversed())
        let odd = stride(from: 0, to: fromRight.count, by: 2).map { fromRight[$0] }.reversed()
        let even = stride(from: 1, to: fromRight.count, by: 2).map { fromRight[$0] }.reversed()
        let doubled = String((Int(odd.map(String.init).joined()) ?? 0) * 2)
        let sum = (even.map(String.init).joined() + doubled).compactMap(\.wholeNumberValue).reduce(0, +)
        return (10 - sum % 10) % 10
    }

    @Test("The check digit of LOINC's own example, 12345-5")
    func checkDigitExample() { #expect(Self.loincCheckDigit("12345") == 5) }

    @Test("Every LOINC code used passes its check digit and is cited with its source")
    func loincCodes() {
        let codes =
            InteropMeasure.table.compactMap(\.loinc).map { ($0.code, $0.source) }
            + [(InteropCodes.emgStudy.code, InteropCodes.emgStudy.source)]
        #expect(codes.count == 3)
        let sources = Set(InteropSources.all.map(\.key))
        for (code, source) in codes {
            let parts = code.split(separator: "-")
            #expect(parts.count == 2, "\(code)")
            #expect(Int(parts.last ?? "") == Self.loincCheckDigit(String(parts.first ?? "")), "\(code)")
            #expect(sources.contains(source), "\(code) cites \(source)")
        }
    }

    @Test("Every measure has one row; codes are unique; every cited source exists")
    func tablesAreComplete() {
        let measures = InteropMeasure.table.map(\.measure)
        #expect(measures.count == InteropMeasure.allCases.count)
        #expect(Set(measures) == Set(InteropMeasure.allCases))
        #expect(Set(InteropMeasure.table.map(\.code)).count == InteropMeasure.table.count)
        let sources = Set(InteropSources.all.map(\.key))
        #expect(sources.count == InteropSources.all.count)
        #expect(InteropCodes.all.allSatisfy { sources.contains($0.source) })
        #expect(UCUMUnits.table.allSatisfy { sources.contains($0.source) })
        // Every source is cited by something.
        let cited = Set(
            InteropCodes.all.map(\.source) + InteropMeasure.table.compactMap(\.loinc?.source)
                + UCUMUnits.table.map(\.source) + ["I11"])
        #expect(cited == sources)
    }

    @Test("Every unit of every fixture's values is in UCUM and is the unit its measure expects")
    func unitsOfTheFixtures() throws {
        var seen = Set<String>()
        for file in try InteropFixtures.studyFiles() {
            for report in InteropFixtures.reports(file) {
                let bundle = try ParsedBundle(try FHIRExport.bundle(report))
                for observation in bundle.resources("Observation") {
                    let codings = (observation["code"] as? [String: Any])?["coding"] as? [[String: Any]] ?? []
                    let code = codings.last?["code"] as? String
                    let measure = InteropMeasure.table.first { $0.code == code }
                    guard let quantity = observation["valueQuantity"] as? [String: Any] else { continue }
                    let unit = quantity["unit"] as? String ?? ""
                    seen.insert(unit)
                    #expect(quantity["system"] as? String == "http://unitsofmeasure.org", "\(file): \(unit)")
                    #expect(quantity["code"] as? String == UCUMUnits.code(unit), "\(file): \(unit)")
                    #expect(measure?.unit == unit, "\(file): \(code ?? "?") in \(unit)")
                }
            }
        }
        #expect(seen.isSuperset(of: ["ms", "mV", "µV", "m/s", "%"]))
        #expect(UCUMUnits.code("µV") == "uV")
        #expect(UCUMUnits.code("mV·ms") == "mV.ms")
    }

    // MARK: Generated tables of docs/interop.md

    @Test("docs/interop.md: the sources table is current")
    func sourcesDoc() {
        let table = GeneratedDocs.table(["Key", "Source"], InteropSources.all.map { [$0.key, $0.reference] })
        if let failure = GeneratedDocs.check(table, in: Self.doc, name: "interop sources") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("docs/interop.md: the measure table (LOINC and edx codes) is current")
    func measuresDoc() {
        let rows = InteropMeasure.table.map { entry -> [String] in
            let unit: String = entry.unit.map { "\($0) → `\(UCUMUnits.code($0) ?? "?")`" } ?? "text"
            let loinc: String = entry.loinc.map { "`\($0.code)` \($0.display)" } ?? "—"
            let source: String = entry.loinc.map { "\($0.source) \($0.evidence.tag)" } ?? "I11"
            return ["`\(entry.code)`", entry.display, entry.role.rawValue, unit, loinc, source]
        }
        let table = GeneratedDocs.table(["edx code", "Measure", "Role", "Unit (UCUM)", "LOINC", "Source"], rows)
        if let failure = GeneratedDocs.check(table, in: Self.doc, name: "interop measures") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("docs/interop.md: the table of other codes is current")
    func codesDoc() {
        let rows = InteropCodes.all.map { code in
            [code.system, "`\(code.code)`", code.display, "\(code.source) \(code.evidence.tag)"]
        }
        let table = GeneratedDocs.table(["System", "Code", "Display", "Source"], rows)
        if let failure = GeneratedDocs.check(table, in: Self.doc, name: "interop codes") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("docs/interop.md: the UCUM table is current")
    func unitsDoc() {
        let rows = UCUMUnits.table.map { unit in
            [unit.symbol, "`\(unit.code)`", "\(unit.source) \(unit.evidence.tag)"]
        }
        let table = GeneratedDocs.table(["Report unit", "UCUM code", "Source"], rows)
        if let failure = GeneratedDocs.check(table, in: Self.doc, name: "interop units") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("docs/interop.md: the examples are the output of the current code")
    func examplesDoc() throws {
        let report = try InteropFixtures.report(Self.exampleFixture)
        let status = ReportStatus.final(signedBy: "Dr Ana Example")
        let pdf = Array("%PDF-1.4 (the report's PDF)\n".utf8)
        let fhir = try FHIRExport.bundle(report, pdf: pdf, status: status, issued: "2025-12-01T09:30:00Z")
        let hl7 = try HL7Export.oru(report, pdf: pdf, status: status, messageTime: "2025-12-01T09:30:00Z")
        let fhirBlock = "```json\n" + fhir + "```\n"
        // Segments end with a carriage return; shown one per line.
        let hl7Block = "```\n" + hl7.replacingOccurrences(of: "\r", with: "\n") + "```\n"
        for (block, name) in [(fhirBlock, "interop example fhir"), (hl7Block, "interop example hl7")] {
            if let failure = GeneratedDocs.check(block, in: Self.doc, name: name) {
                Issue.record(Comment(rawValue: failure))
            }
        }
    }

    /// A small study (one sural sensory study): its bundle and message fit on a page.
    static let exampleFixture = "cases/63-insufficient-single-sural.xml"
}
