import EDXImport
import EDXLabProfile
import EDXModel
import EDXTestSupport
import Testing

@Suite("Lab profile aliases in the three readers")
struct LabProfileImportTests {
    static func profile() throws -> LabProfile {
        try LabProfile.load(path: Fixtures.path("profiles/example-lab.yaml"))
    }

    /// The fixtures written with the example lab's names, and the unknown-name warnings each gives
    /// without the profile.
    static let fixtures: [(file: String, warnings: Int)] = [
        ("profiles/lab-names.xml", 9),
        ("profiles/lab-names-summary.csv", 5),
        ("profiles/lab-names-measurements.csv", 4),
    ]

    static let unknownNameCodes: Set<DiagnosticCode> = [.nameUnknownNerve, .nameUnknownSite, .nameUnknownMuscle]

    @Test(
        "A profile's aliases make the lab's nerve, sites and muscles known, without warnings",
        arguments: fixtures.map(\.file))
    func aliases(_ file: String) throws {
        let expected = try #require(Self.fixtures.first { $0.file == file }?.warnings)
        let plain = StudyImporter.importAll(at: Fixtures.path(file))
        let plainStudy = try #require(plain.studies.first)
        #expect(plainStudy.diagnostics.filter { Self.unknownNameCodes.contains($0.code) }.count == expected)
        #expect(plainStudy.study?.motor.first?.nerve == nil)

        let withProfile = StudyImporter.importAll(at: Fixtures.path(file), names: try Self.profile().names)
        let imported = try #require(withProfile.studies.first)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let study = try #require(imported.study)
        let motor = try #require(study.motor.first { $0.side == .left })
        #expect(motor.nerve == .peroneal && motor.nerveLabel == "Peron Mot")
        #expect(motor.recording == .extensorDigitorumBrevis)
        #expect(motor.sites.contains { $0.site == .belowFibularHead && $0.siteLabel == "Under Fib Hd" })
        #expect(motor.segments.allSatisfy { $0.from != nil && $0.to != nil })
        let muscle = try #require(study.needle.first)
        #expect(muscle.muscle == .tibialisAnterior && muscle.muscleLabel == "Ant Tib L")
    }

    @Test("The second lab muscle of the XML fixture is known too")
    func secondMuscle() throws {
        let imported = StudyImporter.importAll(
            at: Fixtures.path("profiles/lab-names.xml"), names: try Self.profile().names)
        let study = try #require(imported.studies.first?.study)
        #expect(study.needle.map(\.muscle) == [.tibialisAnterior, .extensorHallucisLongus, .bicepsFemorisShortHead])
    }

    @Test("Built-in names keep priority, and without aliases the resolver reads as the Lexicon")
    func builtInFirst() {
        let resolver = NameResolver(
            nerves: ["Sural": .tibial, "Peron Mot": .peroneal], muscles: ["TA": .soleus],
            stimulationSites: ["Knee": .calf], recordingSites: ["Ankle": .soleus])
        #expect(resolver.nerve("Sural") == .sural)
        #expect(resolver.nerve("PERON-MOT") == .peroneal)
        #expect(resolver.muscle("TA") == .tibialisAnterior)
        #expect(resolver.stimulationSite("Knee", nerve: .peroneal) == .aboveFibularHead)
        #expect(resolver.recordingSite("Ankle", nerve: .sural) == .lateralMalleolus)
        #expect(resolver.recordingSite("Ankle", nerve: .peroneal) == .soleus)
        for name in ["Peroneal", "Tib", "TA", "EDB", "Knee", "Ankle", "L5 Parasp", "Peron Mot", ""] {
            #expect(NameResolver.builtIn.nerve(name) == Lexicon.nerve(name))
            #expect(NameResolver.builtIn.muscle(name) == Lexicon.muscle(name))
            for nerve in [nil] + Nerve.allCases.map(Optional.some) {
                #expect(
                    NameResolver.builtIn.stimulationSite(name, nerve: nerve)
                        == Lexicon.stimulationSite(name, nerve: nerve))
                #expect(
                    NameResolver.builtIn.recordingSite(name, nerve: nerve) == Lexicon.recordingSite(name, nerve: nerve))
            }
        }
    }
}
