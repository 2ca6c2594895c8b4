import EDXFindings
import EDXLabProfile
import EDXModel
import EDXReference
import EDXTestSupport
import Foundation
import Testing

/// Reads `text` as a profile named `t.yaml`.
func parseProfile(_ text: String) throws(LabProfileError) -> LabProfile {
    try LabProfile.parse(Data(text.utf8), file: "t.yaml")
}

/// The error `text` gives, or nil when it is a valid profile.
func profileError(_ text: String) -> LabProfileError? {
    do {
        _ = try parseProfile(text)
        return nil
    } catch {
        return error
    }
}

/// A profile with one mistake, and the error it must give.
struct BadProfile: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var line: Int
    var column: Int?
    var field: String
    var reason: LabProfileError.Reason

    var testDescription: String { name }

    static let limitHead = "name: Example\nlimits:\n"
    static let peronealEDB = "  - study: { kind: motor, nerve: peroneal, recording: extensor-digitorum-brevis }\n"

    /// Every reason the loader gives, at least once.
    static let all: [BadProfile] = [
        BadProfile(name: "empty file", yaml: "", line: 1, field: "profile", reason: .empty),
        BadProfile(name: "only a comment", yaml: "# nothing\n", line: 1, field: "profile", reason: .empty),
        BadProfile(
            name: "unclosed flow sequence", yaml: "name: [unclosed\n", line: 2, column: 1, field: "profile",
            reason: .malformedYAML(
                detail: "did not find expected ',' or ']' (while parsing a flow sequence at line 1)")),
        BadProfile(
            name: "tab indentation", yaml: "name: A\naliases:\n\tnerves: {}\n", line: 3, column: 1, field: "profile",
            reason: .malformedYAML(
                detail: "found character that cannot start any token (while scanning for the next token at line 3)")),
        BadProfile(
            name: "two documents", yaml: "name: A\n---\nname: B\n", line: 2, column: 1, field: "profile",
            reason: .malformedYAML(
                detail: "but found another document (expected a single document in the stream at line 1)")),
        BadProfile(
            name: "undefined YAML alias", yaml: "name: *x\n", line: 1, column: 7, field: "profile",
            reason: .malformedYAML(detail: "found undefined alias")),
        BadProfile(
            name: "control character", yaml: "name: A\nlimits: [\u{1}]\n", line: 2, column: 10, field: "profile",
            reason: .malformedYAML(detail: "control characters are not allowed")),
        BadProfile(
            name: "key given twice", yaml: "name: A\nname: B\n", line: 1, column: 1, field: "name", reason: .givenTwice),
        BadProfile(
            name: "a list at the top", yaml: "- name\n", line: 1, column: 1, field: "profile",
            reason: .wrongType(expected: "a mapping of names to values")),
        BadProfile(
            name: "a key that is not a name", yaml: "? [a]\n: b\n", line: 1, column: 3, field: "profile",
            reason: .wrongType(expected: "a mapping with names as keys")),
        BadProfile(
            name: "unknown top-level field", yaml: "name: A\ntitle: B\n", line: 2, column: 1, field: "title",
            reason: .unknownField(allowed: ["name", "aliases", "limits"])),
        BadProfile(name: "no name", yaml: "limits: []\n", line: 1, column: 1, field: "name", reason: .missing),
        BadProfile(name: "empty name", yaml: "name: ''\n", line: 1, column: 7, field: "name", reason: .missing),
        BadProfile(name: "null name", yaml: "name: ~\n", line: 1, column: 7, field: "name", reason: .missing),
        BadProfile(
            name: "name that is a list", yaml: "name: [A]\n", line: 1, column: 7, field: "name",
            reason: .wrongType(expected: "text")),
        BadProfile(
            name: "name of two lines", yaml: "name: \"A\\nB\"\n", line: 1, column: 7, field: "name",
            reason: .badName(maximumLength: 200)),
        BadProfile(
            name: "unknown alias section", yaml: "name: A\naliases:\n  sites: {}\n", line: 3, column: 3,
            field: "aliases.sites",
            reason: .unknownField(allowed: ["nerves", "muscles", "stimulationSites", "recordingSites"])),
        BadProfile(
            name: "alias section that is a list", yaml: "name: A\naliases:\n  nerves: [peroneal]\n", line: 3,
            column: 11, field: "aliases.nerves", reason: .wrongType(expected: "a mapping of names to values")),
        BadProfile(
            name: "alias to a name that is not canonical",
            yaml: "name: A\naliases:\n  nerves: { \"Peron Mot\": Peroneal }\n",
            line: 3, column: 26, field: "aliases.nerves[\"Peron Mot\"]",
            reason: .unknownName(.nerve, value: "Peroneal", suggestion: "peroneal")),
        BadProfile(
            name: "alias to an unknown muscle", yaml: "name: A\naliases:\n  muscles:\n    \"Ant Tib L\": tibialis\n",
            line: 4, column: 18, field: "aliases.muscles[\"Ant Tib L\"]",
            reason: .unknownName(.muscle, value: "tibialis", suggestion: nil)),
        BadProfile(
            name: "alias without a value", yaml: "name: A\naliases:\n  recordingSites:\n    \"EDB muscle\":\n",
            line: 4, column: 18, field: "aliases.recordingSites[\"EDB muscle\"]", reason: .missing),
        BadProfile(
            name: "alias with no letter or digit", yaml: "name: A\naliases:\n  nerves: { \"--\": peroneal }\n",
            line: 3, column: 13, field: "aliases.nerves[\"--\"]", reason: .emptyAlias),
        BadProfile(
            name: "alias that a built-in name already means otherwise",
            yaml: "name: A\naliases:\n  muscles: { TA: extensor-hallucis-longus }\n", line: 3, column: 14,
            field: "aliases.muscles[\"TA\"]", reason: .shadowedAlias(builtIn: "tibialis-anterior", nerve: nil)),
        BadProfile(
            name: "site alias that a built-in name means for one nerve",
            yaml: "name: A\naliases:\n  stimulationSites: { Knee: popliteal-fossa }\n", line: 3, column: 23,
            field: "aliases.stimulationSites[\"Knee\"]",
            reason: .shadowedAlias(builtIn: "above-fibular-head", nerve: "peroneal")),
        BadProfile(
            name: "two aliases with one comparison key",
            yaml: "name: A\naliases:\n  nerves:\n    \"Peron Mot\": peroneal\n    peron-mot: peroneal\n", line: 5,
            column: 5, field: "aliases.nerves[\"peron-mot\"]", reason: .repeatedAlias(firstLine: 4)),
        BadProfile(
            name: "limits that are not a list", yaml: "name: A\nlimits: {}\n", line: 2, column: 9, field: "limits",
            reason: .wrongType(expected: "a list of limits")),
        BadProfile(
            name: "a limit that is not a mapping", yaml: limitHead + "  - 5\n", line: 3, column: 5, field: "limits[0]",
            reason: .wrongType(expected: "a mapping of names to values")),
        BadProfile(
            name: "unknown field in a limit", yaml: limitHead + peronealEDB + "    lowr: 2\n", line: 4, column: 5,
            field: "limits[0].lowr",
            reason: .unknownField(allowed: ["study", "measure", "lower", "upper", "unit", "ages"])),
        BadProfile(
            name: "limit without a study", yaml: limitHead + "  - measure: amplitude\n", line: 3, column: 5,
            field: "limits[0].study", reason: .missing),
        BadProfile(
            name: "unknown field in a study", yaml: limitHead + "  - study: { kind: motor, muscle: soleus }\n",
            line: 3, column: 27, field: "limits[0].study.muscle",
            reason: .unknownField(allowed: ["kind", "nerve", "recording"])),
        BadProfile(
            name: "study without a kind", yaml: limitHead + "  - study: { nerve: sural }\n", line: 3, column: 12,
            field: "limits[0].study.kind", reason: .missing),
        BadProfile(
            name: "unknown study kind", yaml: limitHead + "  - study: { kind: emg, nerve: sural }\n", line: 3,
            column: 20, field: "limits[0].study.kind", reason: .unknownKind("emg")),
        BadProfile(
            name: "study without a nerve", yaml: limitHead + "  - study: { kind: sensory }\n", line: 3, column: 12,
            field: "limits[0].study.nerve", reason: .missing),
        BadProfile(
            name: "study of a nerve that is not canonical",
            yaml: limitHead + "  - study: { kind: motor, nerve: Fibular }\n",
            line: 3, column: 34, field: "limits[0].study.nerve",
            reason: .unknownName(.nerve, value: "Fibular", suggestion: "peroneal")),
        BadProfile(
            name: "recording of a sensory study",
            yaml: limitHead + "  - study: { kind: sensory, nerve: sural, recording: lateral-malleolus }\n", line: 3,
            column: 54, field: "limits[0].study.recording", reason: .recordingNotMotor),
        BadProfile(
            name: "recording that is not canonical",
            yaml: limitHead + "  - study: { kind: motor, nerve: peroneal, recording: EDB }\n", line: 3, column: 55,
            field: "limits[0].study.recording",
            reason: .unknownName(.recordingSite, value: "EDB", suggestion: "extensor-digitorum-brevis")),
        BadProfile(
            name: "limit without a measure", yaml: limitHead + peronealEDB + "    lower: 2\n", line: 3, column: 5,
            field: "limits[0].measure", reason: .missing),
        BadProfile(
            name: "unknown measure", yaml: limitHead + peronealEDB + "    measure: amp\n", line: 4, column: 14,
            field: "limits[0].measure", reason: .unknownMeasure("amp")),
        BadProfile(
            name: "measure of another kind of study",
            yaml: limitHead + "  - study: { kind: sensory, nerve: sural }\n    measure: distal-latency\n", line: 4,
            column: 14, field: "limits[0].measure", reason: .measureNotInStudy(measure: .distalLatency, kind: "sensory")
        ),
        BadProfile(
            name: "side-to-side measure", yaml: limitHead + peronealEDB + "    measure: latency-difference\n", line: 4,
            column: 14, field: "limits[0].measure",
            reason: .measureNotInStudy(measure: .latencyDifference, kind: "motor")),
        BadProfile(
            name: "no bound", yaml: limitHead + peronealEDB + "    measure: amplitude\n    unit: mV\n", line: 3,
            column: 5, field: "limits[0]", reason: .missingBound(expected: .lower)),
        BadProfile(
            name: "the bound that is not normal for the measure",
            yaml: limitHead + peronealEDB + "    measure: amplitude\n    upper: 9\n    unit: mV\n", line: 5, column: 12,
            field: "limits[0].upper", reason: .wrongBound(measure: .amplitude, expected: .lower)),
        BadProfile(
            name: "both bounds",
            yaml: limitHead + peronealEDB + "    measure: distal-latency\n    lower: 1\n    upper: 6.5\n    unit: ms\n",
            line: 6, column: 12, field: "limits[0].upper", reason: .bothBounds),
        BadProfile(
            name: "bound that is not a number",
            yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: two\n",
            line: 5, column: 12, field: "limits[0].lower", reason: .notAPositiveNumber("two")),
        BadProfile(
            name: "negative bound", yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: -1\n", line: 5,
            column: 12, field: "limits[0].lower", reason: .notAPositiveNumber("-1")),
        BadProfile(
            name: "bound that is not finite",
            yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: .inf\n",
            line: 5, column: 12, field: "limits[0].lower", reason: .notAPositiveNumber(".inf")),
        BadProfile(
            name: "no unit", yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: 2\n", line: 3,
            column: 5,
            field: "limits[0].unit", reason: .missing),
        BadProfile(
            name: "wrong unit",
            yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: 2\n    unit: ms\n", line: 6, column: 11,
            field: "limits[0].unit", reason: .wrongUnit(given: "ms", expected: "mV")),
        BadProfile(
            name: "ages in the wrong order",
            yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: 2\n    unit: mV\n    ages: [80, 40]\n",
            line: 7, column: 11, field: "limits[0].ages", reason: .badAges),
        BadProfile(
            name: "ages that are not whole years",
            yaml: limitHead + peronealEDB
                + "    measure: amplitude\n    lower: 2\n    unit: mV\n    ages: [40.5, 80]\n",
            line: 7, column: 11, field: "limits[0].ages", reason: .badAges),
        BadProfile(
            name: "one age",
            yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: 2\n    unit: mV\n    ages: 40\n",
            line: 7, column: 11, field: "limits[0].ages", reason: .badAges),
        BadProfile(
            name: "two limits for the same ages",
            yaml: limitHead + peronealEDB + "    measure: amplitude\n    lower: 2\n    unit: mV\n    ages: [40, 80]\n"
                + peronealEDB + "    measure: amplitude\n    lower: 2.5\n    unit: mV\n    ages: [60, 90]\n",
            line: 8, column: 5, field: "limits[1]", reason: .repeatedLimit(firstLine: 3)),
    ]
}

@Suite("Lab profile loader")
struct LabProfileLoaderTests {
    @Test("The example profile reads its name, aliases and limits, in canonical units")
    func example() throws {
        let profile = try LabProfile.load(path: Fixtures.path("profiles/example-lab.yaml"))
        #expect(profile.name == "Example Hospital EMG lab")
        #expect(profile.names.nerve("Peron Mot") == .peroneal)
        #expect(profile.names.nerve("med plant") == .medialPlantar)
        #expect(profile.names.muscle("Ant Tib L") == .tibialisAnterior)
        #expect(profile.names.muscle("Ext Hall L") == .extensorHallucisLongus)
        #expect(profile.names.stimulationSite("Under Fib Hd", nerve: .peroneal) == .belowFibularHead)
        #expect(profile.names.stimulationSite("over-fib-hd", nerve: nil) == .aboveFibularHead)
        #expect(profile.names.recordingSite("EDB muscle", nerve: .peroneal) == .extensorDigitorumBrevis)
        let limits = profile.limits
        #expect(limits.profileName == profile.name)
        #expect(limits.entries.count == 6)
        let first = try #require(limits.entries.first)
        #expect(first.kind == .motor && first.nerve == .peroneal && first.recording == .extensorDigitorumBrevis)
        #expect(first.measure == .amplitude && first.bound == .lower && first.value == 2.5 && first.ages == 40..<80)
        // 5 uV is 5 µV; 0.034 s is 34 ms.
        #expect(limits.entries[3].value == 5 && limits.entries[3].bound == .lower)
        #expect(abs((limits.entries.last?.value ?? 0) - 34) < 1e-9)
        #expect(limits.entries.last?.kind == .hReflex)
        #expect(profile.fingerprint.count == 16)
    }

    @Test("Every bad profile gives its file, line, column, field and reason", arguments: BadProfile.all)
    func badProfile(_ bad: BadProfile) throws {
        let error = try #require(profileError(bad.yaml))
        #expect(error.file == "t.yaml")
        #expect(error.line == bad.line)
        #expect(error.column == bad.column)
        #expect(error.field == bad.field)
        #expect(error.reason == bad.reason)
        let place = bad.column.map { "t.yaml:\(bad.line):\($0)" } ?? "t.yaml:\(bad.line)"
        #expect(error.description == "\(place): error: \(bad.field): \(bad.reason)")
    }

    @Test("Every reason has a message of its own")
    func messages() {
        let messages = BadProfile.all.map(\.reason.description)
        #expect(messages.allSatisfy { !$0.isEmpty })
        #expect(Set(messages).count == Set(BadProfile.all.map(\.reason)).count)
    }

    @Test("The bad fixture names the wrong unit on its line")
    func badFixture() {
        let path = Fixtures.path("profiles/bad-unit.yaml")
        #expect(throws: LabProfileError.self) { try LabProfile.load(path: path) }
        do {
            _ = try LabProfile.load(path: path, displayPath: "bad-unit.yaml")
        } catch {
            #expect(
                error.description
                    == #"bad-unit.yaml:8:11: error: limits[0].unit: "ms" is not a unit of this value (mV)"#)
        }
    }

    @Test("A file that cannot be read, a directory, a huge file and bytes that are not UTF-8")
    func files() throws {
        func failure(_ path: String) -> LabProfileError? {
            do {
                _ = try LabProfile.load(path: path)
                return nil
            } catch {
                return error
            }
        }
        let missing = try #require(failure("/nonexistent/lab.yaml"))
        #expect(
            missing.line == 1 && missing.field == "profile" && missing.reason == .unreadable(detail: "no such file"))
        #expect(missing.description == "/nonexistent/lab.yaml:1: error: profile: cannot be read: no such file")
        #expect(failure(Fixtures.path("profiles"))?.reason == .unreadable(detail: "a directory"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("edx-profile-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = directory.appendingPathComponent("huge.yaml")
        try Data(repeating: UInt8(ascii: "#"), count: LabProfile.maximumSize + 1).write(to: huge)
        #expect(failure(huge.path)?.reason == .tooLarge(limit: LabProfile.maximumSize))

        let latin1 = directory.appendingPathComponent("latin1.yaml")
        try Data("name: A\n# Gr".utf8 + [0xFC] + Data("n\n".utf8)).write(to: latin1)
        let notUTF8 = try #require(failure(latin1.path))
        #expect(notUTF8.reason == .notUTF8 && notUTF8.line == 2)

        let withBOM = directory.appendingPathComponent("bom.yaml")
        try Data([0xEF, 0xBB, 0xBF] + Array("name: A\n".utf8)).write(to: withBOM)
        #expect(try LabProfile.load(path: withBOM.path).name == "A")
    }

    @Test("A minimal profile has the built-in names and no limits")
    func minimal() throws {
        let profile = try parseProfile("name: A\n")
        #expect(profile.names == .builtIn && profile.names.isBuiltInOnly)
        #expect(profile.limits.entries.isEmpty)
        // An alias the built-in vocabulary reads the same way is allowed, and changes nothing.
        let redundant = try parseProfile("name: A\naliases:\n  nerves: { Fibular: peroneal }\n")
        #expect(redundant.names.nerve("Fibular") == .peroneal)
    }

    @Test("Every prefix of the example profile loads or fails with an error, never a crash")
    func prefixes() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("profiles/example-lab.yaml"))))
        var loaded = 0
        for length in 0...bytes.count {
            do {
                _ = try LabProfile.parse(Data(bytes.prefix(length)), file: "prefix.yaml")
                loaded += 1
            } catch {
                #expect(error.line >= 1 && !error.field.isEmpty)
            }
        }
        #expect(loaded > 0)
    }
}
