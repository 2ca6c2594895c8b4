import EDXTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `edx` binary and returns its exit status and standard error alone.
func runEDXStandardError(_ arguments: [String]) -> (status: Int32, errors: String) {
    let binary = Fixtures.root() + "/.build/debug/edx"
    let result = Shell.run(([binary] + arguments).map { "'\($0)'" }.joined(separator: " ") + " 2>&1 >/dev/null")
    return (result.status, result.output)
}

@Suite("--lab FILE on the commands", .serialized)
struct LabProfileCommandTests {
    static let profile = Fixtures.path("profiles/example-lab.yaml")
    static let study = Fixtures.path("profiles/lab-names.xml")
    static let label = "lab profile Example Hospital EMG lab"

    @Test("import: the lab's names are read without warnings")
    func importCommand() {
        let plain = runEDXStandardError(["import", Self.study])
        #expect(plain.status == 0 && plain.errors.contains("unknown nerve \"Peron Mot\""))
        let withProfile = runEDXStandardError(["import", "--lab", Self.profile, Self.study])
        #expect(withProfile.status == 0 && withProfile.errors.isEmpty)
        let json = runEDX(["import", "--lab", Self.profile, Self.study]).output
        #expect(json.contains("\"nerve\" : \"peroneal\"") && json.contains("\"nerveLabel\" : \"Peron Mot\""))
    }

    @Test("findings and analyze: the profile's limits judge the values, named by the profile")
    func analyze() throws {
        let result = runEDX(["analyze", "--lab", Self.profile, Self.study])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [String: Any])
        let measurements = try #require(findings["measurements"] as? [[String: Any]])
        let amplitude = try #require(
            measurements.first { $0["id"] as? String == "peroneal-motor-edb.L.ankle.amplitude" })
        let limit = try #require(amplitude["limit"] as? [String: Any])
        #expect(limit["origin"] as? String == "lab" && limit["label"] as? String == "\(Self.label): >= 2.5 mV")
        #expect(amplitude["classification"] as? String == "low")
        let diagnoses = try #require((json["localization"] as? [String: Any])?["diagnoses"] as? [[String: Any]])
        #expect(diagnoses.first?["code"] as? String == "peroneal-neuropathy-fibular-head")

        let published = runEDX(["analyze", "--limits", "published", "--lab", Self.profile, Self.study]).output
        #expect(published.contains("\"alternativeLimit\" : {") && published.contains(Self.label))
        let text = runEDX(["findings", "--lab", Self.profile, Self.study]).output
        #expect(text.contains("femoral motor (rectus femoris), inguinal: amplitude 6 mV: low"))
    }

    @Test("report: the limits of the profile appear with its name")
    func report() {
        let json = runEDX(["report", "--format", "json", "--lab", Self.profile, Self.study])
        #expect(json.status == 0 && json.output.contains("lab: \(Self.label): >= 7 mV"))
        let text = runEDX(["report", "--lab", Self.profile, Self.study])
        #expect(text.status == 0 && text.output.contains("Page 1 of"))
        // The femoral CMAP, without a published lower limit, is judged against the profile's and shows it.
        #expect(text.output.split(separator: "\n").contains { $0.hasPrefix("  Inguinal") && $0.contains("6 L >=7") })
        #expect(runEDX(["report", "--lab", Self.profile, Self.study]).output == text.output)
    }

    @Test(
        "A bad profile: path:line:col: error: field: reason on standard error, exit code 2",
        arguments: [
            "import", "findings", "analyze", "report",
        ])
    func badProfile(_ command: String) {
        let bad = Fixtures.path("profiles/bad-unit.yaml")
        let result = runEDXStandardError([command, "--lab", bad, Self.study])
        #expect(result.status == 2)
        #expect(result.errors == "\(bad):8:11: error: limits[0].unit: \"ms\" is not a unit of this value (mV)\n")
        let missing = runEDXStandardError([command, "--lab", "/nonexistent/lab.yaml", Self.study])
        #expect(missing.status == 2)
        #expect(missing.errors == "/nonexistent/lab.yaml:1: error: profile: cannot be read: no such file\n")
    }

    @Test("batch and evaluate take the profile for every study; a batch records it among its settings")
    func batchAndEvaluate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("edx-lab-\(getpid())-\(UUID())")
            .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/out"
        let batch = runEDX(["batch", "--quiet", "--lab", Self.profile, "--out", out, Self.study])
        #expect(batch.status == 0)
        let reports = try FileManager.default.contentsOfDirectory(atPath: out + "/reports")
        let report = try String(contentsOfFile: out + "/reports/" + (reports.first ?? ""), encoding: .utf8)
        #expect(report.contains("lab: \(Self.label): >= 2.5 mV"))
        // A later run into the same folder must use the same profile.
        let resumed = runEDXStandardError(["batch", "--quiet", "--resume", "--out", out, Self.study])
        #expect(resumed.status == 2 && resumed.errors.contains("labProfile"))
        let bad = Fixtures.path("profiles/bad-unit.yaml")
        #expect(runEDX(["batch", "--quiet", "--lab", bad, "--out", directory + "/bad", Self.study]).status == 2)

        let evaluation = runEDX(["evaluate", "--lab", Self.profile, Fixtures.path("cases")])
        #expect(evaluation.output.contains("cases: \(Fixtures.caseCount)"))
        #expect(runEDX(["evaluate", "--lab", bad, Fixtures.path("cases")]).status == 2)
    }
}
