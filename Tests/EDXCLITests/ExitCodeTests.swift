import EDXTestSupport
import Testing

/// Runs the built `edx` binary and returns its exit status and standard output.
func runEDX(_ arguments: [String]) -> (status: Int32, output: String) {
    let binary = Fixtures.root() + "/.build/debug/edx"
    return Shell.run(([binary] + arguments).map { "'\($0)'" }.joined(separator: " ") + " 2>/dev/null")
}

@Suite("edx import exit codes", .serialized)
struct ExitCodeTests {
    @Test func cleanImportExitsZeroWithOneJSONDocument() {
        let result = runEDX(["import", Fixtures.bundledExample("peroneal-fibular-head-left.xml")])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("{\n"))
        #expect(result.output.contains("\"id\" : \"EX-2025-0001\""))
    }

    @Test func severalStudiesGiveJSONLines() {
        let result = runEDX(["import", Fixtures.bundledExample("archive-three-studies.xml")])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"") })
    }

    @Test func warningsStillExitZero() {
        #expect(runEDX(["import", Fixtures.path("import/broken/bad-numbers.xml")]).status == 0)
    }

    @Test func rejectedStudyExitsOne() {
        #expect(runEDX(["import", Fixtures.path("import/broken/study-reappears.csv")]).status == 1)
        #expect(runEDX(["import", Fixtures.path("import/broken/empty.xml")]).status == 1)
    }

    @Test func usageErrorExitsTwo() {
        #expect(runEDX(["import", "--format", "pdf", Fixtures.path("import/xml/minimal.xml")]).status == 2)
        #expect(runEDX(["frobnicate"]).status == 2)
    }

    @Test func unreadableFileExitsThree() {
        #expect(runEDX(["import", "/nonexistent/study.xml"]).status == 3)
    }

    @Test func deidentifyRemovesNameBirthDateAndID() {
        let result = runEDX(["import", "--deidentify", Fixtures.path("import/xml/full-study.xml")])
        #expect(result.status == 0)
        #expect(!result.output.contains("Invented Person"))
        #expect(!result.output.contains("1961-03-04"))
        #expect(!result.output.contains("P-9001"))
        #expect(result.output.contains("anon-"))
        #expect(result.output.contains("\"ageYears\" : 64"))
    }

    @Test func textFormat() {
        let result = runEDX(["import", "--format", "text", Fixtures.bundledExample("l5-radiculopathy-right.csv")])
        #expect(result.status == 0)
        #expect(result.output.contains("needle right tibialis-posterior: ins increased, fib 1+"))
    }
}
