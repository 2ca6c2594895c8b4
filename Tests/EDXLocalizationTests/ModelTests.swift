import EDXAnatomy
import EDXFindings
import EDXModel
import EDXReference
import EDXTestSupport
import Testing

@testable import EDXLocalization

/// The anatomical model's involvement along the nerve tree, and the grading of severity and acuity,
/// tested directly rather than through whole studies.
@Suite("Model: involvement along the tree, severity, acuity")
struct ModelTests {
    let model = Model(ageYears: 50)

    /// The nerve-tree lesion sites the model weighs (axonal mode).
    static var nodeSites: [NerveNode] {
        Hypothesis.all.flatMap(\.lesions).compactMap { lesion -> NerveNode? in
            guard lesion.mode == .axonal, case .node(let node) = lesion.site else { return nil }
            return node
        }.reduce(into: [NerveNode]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Muscles, sensory responses and CMAPs, each with the branch that supplies it.
    static var supplied: [(ModelItem, NerveNode)] {
        var items: [(ModelItem, NerveNode)] = []
        for (muscle, attachment) in Anatomy.muscles {
            if let node = attachment.node { items.append((.muscle(muscle, .left), node)) }
        }
        for (nerve, attachment) in Anatomy.sensoryNerves {
            if let node = attachment.node { items.append((.sensory(nerve, .left), node)) }
        }
        for (study, muscle) in Anatomy.motorRecordings {
            if let node = Anatomy.muscles[muscle]?.node { items.append((.cmap(study, .left), node)) }
        }
        return items
    }

    @Test("A lesion involves every muscle, response and CMAP supplied from its site down")
    func territoryIsInvolved() {
        for site in Self.nodeSites where site != .lumbosacralTrunk {
            let lesion = Lesion(site: .node(site), side: .left)
            for (item, node) in Self.supplied where node.isWithin(site) {
                #expect(model.involvement(item, by: lesion) > 0, "\(site.rawValue) does not involve \(item)")
            }
        }
    }

    @Test("A lesion higher on the same nerve involves everything a lower one does")
    func involvementNeverLostUpTheTree() {
        for lower in Self.nodeSites {
            let ancestors = Self.nodeSites.filter { $0 != lower && lower.isWithin($0) }
            for (item, _) in Self.supplied {
                let below = model.involvement(item, by: Lesion(site: .node(lower), side: .left))
                guard below > 0 else { continue }
                for upper in ancestors {
                    let above = model.involvement(item, by: Lesion(site: .node(upper), side: .left))
                    #expect(
                        above > 0,
                        "\(item) involved \(below) by a lesion at \(lower.rawValue), 0 by one at \(upper.rawValue)")
                }
            }
        }
    }

    @Test("A root lesion involves every muscle of that root, the paraspinal of its level most")
    func rootsInvolveTheirMuscles() {
        for root in [Root.l4, .l5, .s1] {
            let lesion = Lesion(site: .root(root), side: .left)
            for (muscle, attachment) in Anatomy.muscles where attachment.roots[root] == .main {
                let expected =
                    muscle.isParaspinal ? ParameterKey.rootParaspinal.value : ParameterKey.rootLimbMuscle.value
                #expect(model.involvement(.muscle(muscle, .left), by: lesion) == expected, "\(root) \(muscle)")
            }
            // Sensory responses are postganglionic: spared, but for the SP response by a foraminal L5 lesion.
            for nerve in Anatomy.sensoryNerves.keys where !(nerve == .superficialPeroneal && root == .l5) {
                #expect(model.involvement(.sensory(nerve, .left), by: lesion) == 0, "\(root) \(nerve)")
            }
        }
    }

    @Test("Nothing on the other leg is involved by a one-sided lesion")
    func otherSideUntouched() {
        for site in Self.nodeSites {
            let lesion = Lesion(site: .node(site), side: .left)
            for (item, _) in Self.supplied {
                guard case .muscle(let muscle, _) = item else { continue }
                #expect(model.involvement(.muscle(muscle, .right), by: lesion) == 0)
            }
        }
    }

    // MARK: Severity

    /// The severity of a left fibular-head lesion for a study built in code.
    func severity(_ build: (inout StudyBuilder) -> Void) -> SeverityAssessment? {
        var builder = StudyBuilder(age: 50)
        build(&builder)
        let findings = Interpreter().interpret(builder.study)
        let observations = Observations.from(findings)
        let lesion = Lesion(site: .node(.fibularHead), side: .left)
        let involved = observations.filter {
            model.involvement($0.item, by: lesion) >= ParameterKey.involvedForGrading.value
        }
        let cmaps = observations.filter {
            guard case .cmap = $0.item else { return false }
            return model.involvement($0.item, by: lesion) > 0
        }
        return SeverityGrading.grade(lesion: lesion, involved: involved, cmaps: cmaps, findings: findings)
    }

    func edb(_ left: Double, right: Double = 5.0) -> (inout StudyBuilder) -> Void {
        { builder in
            builder.motor(.peroneal, .extensorDigitorumBrevis, .left, [(.ankle, 5, left, 6)])
            builder.motor(.peroneal, .extensorDigitorumBrevis, .right, [(.ankle, 5, right, 6)])
        }
    }

    @Test("The CMAP grades: under 10 % of the other side severe, under 50 % moderate, else mild")
    func cmapGrades() {
        #expect(severity(edb(0.45))?.grade == .severe)  // 9 %
        #expect(severity(edb(0.5))?.grade == .moderate)  // 10 %
        #expect(severity(edb(0))?.grade == .severe)  // absent
        // Within the 61 % side-to-side limit the CMAP is not abnormal, but it still grades a lesion that
        // shows elsewhere (here a denervated tibialis anterior).
        func withNeedle(_ left: Double) -> Severity? {
            severity { builder in
                edb(left)(&builder)
                builder.needle(.tibialisAnterior, fibs: .one)
            }?.grade
        }
        #expect(withNeedle(2.45) == .moderate)  // 49 %
        #expect(withNeedle(2.5) == .mild)  // 50 %
    }

    @Test("The CMAP outranks the needle: a normal CMAP with 3+ fibrillations grades mild")
    func cmapFirst() {
        let grade = severity { builder in
            edb(4.5)(&builder)
            builder.needle(.tibialisAnterior, fibs: .three, recruitment: .reduced)
        }
        #expect(grade == nil || grade?.grade == .mild)
    }

    @Test("Without a CMAP the needle grades: 3+ severe, 2+ moderate, 1+ with reduced recruitment moderate, 1+ mild")
    func needleGrades() {
        func grade(_ fibs: SpontaneousGrade, _ recruitment: Recruitment) -> Severity? {
            severity { $0.needle(.tibialisAnterior, fibs: fibs, recruitment: recruitment) }?.grade
        }
        #expect(grade(.three, .normal) == .severe)
        #expect(grade(.one, .discrete) == .severe)
        #expect(grade(.two, .normal) == .moderate)
        #expect(grade(.one, .reduced) == .moderate)
        #expect(grade(.one, .normal) == .mild)
    }

    @Test("Complete: every CMAP of the territory absent and no voluntary units")
    func complete() {
        let grade = severity { builder in
            edb(0)(&builder)
            builder.needle(.tibialisAnterior, fibs: .three, recruitment: Recruitment.none)
        }
        #expect(grade?.grade == .complete)
        #expect(grade?.basis.contains(.noVoluntaryUnits) == true)
    }

    @Test("Nothing abnormal in the territory: no severity")
    func noSeverityWhenNormal() {
        #expect(severity { $0.needle(.tibialisAnterior) } == nil)
    }

    // MARK: Acuity

    func acuity(_ exams: [(SpontaneousGrade, Activity)]) -> DiagnosisAcuity {
        var builder = StudyBuilder(age: 50, days: 90)
        for (index, (fibs, duration)) in exams.enumerated() {
            builder.needle(
                [.tibialisAnterior, .extensorHallucisLongus, .peroneusLongus][index], fibs: fibs, duration: duration)
        }
        let findings = Interpreter().interpret(builder.study)
        return AcuityJudgement.acuity(involved: Observations.from(findings), findings: findings)
    }

    @Test("Acuity: acute, chronic inactive, and both together read as subacute or chronic, active")
    func acuities() {
        #expect(acuity([(.two, .normal)]) == .acute)
        #expect(acuity([(.none, .increased)]) == .chronicInactive)
        #expect(acuity([(.two, .increased)]) == .subacuteOrChronicActive)
        #expect(acuity([(.two, .normal), (.none, .increased)]) == .subacuteOrChronicActive)
        #expect(acuity([(.none, .normal)]) == .undetermined)
    }
}
