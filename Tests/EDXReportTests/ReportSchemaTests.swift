import EDXReport
import EDXTestSupport
import Foundation
import Testing

@Suite("Report JSON against docs/schema/report.schema.json")
struct ReportSchemaTests {
    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemaAt: Fixtures.root() + "/docs/schema/report.schema.json")
    }

    @Test("Every study of every fixture gives a report that the schema accepts, de-identified too")
    func everyFixture() throws {
        let validator = try Self.validator()
        var validated = 0
        for file in try ReportFixtures.allStudyFiles() {
            for deidentify in [false, true] {
                for report in ReportFixtures.reports(file, deidentify: deidentify) {
                    let errors = validator.errors(in: ReportRendering.json(report, pretty: false))
                    #expect(errors.isEmpty, "\(file): \(errors.prefix(5))")
                    validated += 1
                }
            }
        }
        #expect(validated > 200)
    }

    @Test("The validator rejects documents that break the schema")
    func rejectsBrokenDocuments() throws {
        let validator = try Self.validator()
        let report = try #require(ReportFixtures.reports("examples/peroneal-fibular-head-left.xml").first)
        let json = ReportRendering.json(report, pretty: false)
        #expect(validator.errors(in: json).isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])

        func errors(_ change: (inout [String: Any]) -> Void) -> [String] {
            var copy = object
            change(&copy)
            let data = (try? JSONSerialization.data(withJSONObject: copy)) ?? Data()
            return validator.errors(in: String(decoding: data, as: UTF8.self))
        }
        #expect(errors { $0["patient"] = nil }.contains("$: missing required patient"))
        #expect(!errors { $0["schemaVersion"] = "9.9" }.isEmpty)
        #expect(errors { $0["extra"] = 1 }.contains("$: unexpected property extra"))
        #expect(!errors { $0["motor"] = "none" }.isEmpty)
        #expect(
            !errors {
                var impression = $0["impression"] as? [String: Any] ?? [:]
                var diagnoses = impression["diagnoses"] as? [[String: Any]] ?? []
                diagnoses[0]["probability"] = 1.5
                impression["diagnoses"] = diagnoses
                $0["impression"] = impression
            }.isEmpty)
        #expect(
            !errors {
                var rows = $0["motor"] as? [[String: Any]] ?? []
                rows[0]["side"] = "up"
                $0["motor"] = rows
            }.isEmpty)
    }
}
