import EDXTestSupport
import Foundation
import Testing

@Suite("edx findings, analyze and evaluate", .serialized)
struct AnalyzeCommandTests {
    @Test func analyzeOneStudyGivesOneJSONDocumentWithTheRequiredFields() throws {
        let result = runEDX(["analyze", Fixtures.bundledExample("peroneal-fibular-head-left.xml")])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? String == "2.0")
        #expect((json["study"] as? [String: Any])?["id"] as? String == "EX-2025-0001")
        let localization = try #require(json["localization"] as? [String: Any])
        let diagnoses = try #require(localization["diagnoses"] as? [[String: Any]])
        #expect(diagnoses.first?["code"] as? String == "peroneal-neuropathy-fibular-head")
        #expect(diagnoses.first?["side"] as? String == "left")
        for key in ["probability", "severity", "acuity", "pathophysiology", "evidence"] {
            #expect(diagnoses.first?[key] != nil, "\(key)")
        }
        let evidence = try #require(diagnoses.first?["evidence"] as? [String: Any])
        #expect(evidence["for"] is [Any] && evidence["against"] is [Any])
        // The findings are typed data; their sentences come beside them, by id, and every cited id has one.
        let statements = try #require(json["statements"] as? [String: String])
        let cited = try #require(evidence["for"] as? [[String: Any]]).compactMap { $0["finding"] as? String }
        #expect(!cited.isEmpty && cited.allSatisfy { statements[$0] != nil })
        #expect(localization["suggestedTests"] is [Any])
    }

    @Test func analyzeSeveralStudiesGivesJSONLines() {
        let result = runEDX(["analyze", Fixtures.bundledExample("archive-three-studies.xml")])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("{") && $0.contains("\"schemaVersion\":\"2.0\"") })
    }

    @Test func analyzeTextNamesTheDiagnosis() {
        let result = runEDX(["analyze", "--format", "text", Fixtures.bundledExample("l5-radiculopathy-right.csv")])
        #expect(result.status == 0)
        #expect(result.output.contains("There is electrodiagnostic evidence of a mild right L5"))
        #expect(result.output.contains("1. Right L5 radiculopathy, 98 %, mild, subacute or chronic, active"))
        #expect(!result.output.contains("Page 1 of"))
    }

    @Test func findingsTextListsTheBlock() {
        let result = runEDX(["findings", Fixtures.bundledExample("peroneal-fibular-head-left.xml")])
        #expect(result.status == 0)
        #expect(result.output.contains("Left peroneal motor (EDB), across the fibular head: definite conduction block"))
        let published = runEDX([
            "findings", "--limits", "published", "--format", "json",
            Fixtures.bundledExample("l5-radiculopathy-right.csv"),
        ])
        #expect(published.status == 0)
        #expect(published.output.contains("\"origin\" : \"published\""))
    }

    @Test func evaluateTheCorpus() {
        let result = runEDX(["evaluate", Fixtures.path("cases")])
        #expect(result.status == 0)
        #expect(result.output.contains("cases: \(Fixtures.caseCount)"))
        #expect(result.output.contains("side accuracy (right first code): 100.0 %"))
        #expect(result.output.contains("wrong first diagnosis with probability >= 0.9: 0"))
        #expect(result.output.contains("confusion (rows expected, columns predicted)"))
        // A stricter bar than the corpus meets fails with exit code 1.
        #expect(runEDX(["evaluate", "--min-top1", "1.0", Fixtures.path("cases")]).status == 1)
        #expect(runEDX(["evaluate", "/nonexistent"]).status == 3)
    }
}
