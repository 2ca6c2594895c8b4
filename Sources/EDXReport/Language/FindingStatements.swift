public import EDXFindings
import EDXModel
public import EDXReference

/// The sentences that describe findings: every measurement, comparison, nerve and muscle finding
/// and technical note of a study, by id, and the wording of their notes and caveats.
///
/// This is the only place findings are put into words; EDXFindings produces typed facts.
public struct FindingStatements: Sendable {
    public let findings: StudyFindings
    private let statements: [FindingID: String]

    public init(_ findings: StudyFindings) {
        self.findings = findings
        var statements: [FindingID: String] = [:]
        for m in findings.measurements where statements[m.id] == nil { statements[m.id] = Self.statement(m) }
        for c in findings.comparisons where statements[c.id] == nil { statements[c.id] = Self.statement(c) }
        for n in findings.nerves where statements[n.id] == nil { statements[n.id] = Self.statement(n, findings) }
        for m in findings.muscles where statements[m.id] == nil { statements[m.id] = Self.statement(m) }
        for t in findings.technical where statements[t.id] == nil { statements[t.id] = Self.statement(t) }
        self.statements = statements
    }

    /// The one-line statement of a finding.
    public func statement(_ id: FindingID) -> String? { statements[id] }

    /// Every statement, by id (for the JSON of `edx findings` and `edx analyze`).
    public var all: [String: String] {
        Dictionary(uniqueKeysWithValues: statements.map { ($0.key.rawValue, $0.value) })
    }

    // MARK: Measurements

    /// `Left peroneal motor (EDB), ankle: amplitude 0.7 mV: low, 64 % of the lower limit (published >= 1.1 mV)`.
    public static func statement(_ m: MeasurementFinding) -> String {
        // The measure of a velocity across the fibular head names its place.
        let place = m.measure == .acrossFibularHeadVelocity ? nil : Names.words(m.site)
        let subject = "\(Names.title(m.side)) \(Names.title(m.study))" + (place.map { ", \($0)" } ?? "")
        let head = "\(subject): \(Names.words(m.measure))"
        let limitText = m.limit.map { " (\($0.origin == .lab ? "lab" : "published") \($0.text))" } ?? ""
        // A value of a cool limb is judged after correction: both are shown.
        let corrected =
            m.temperatureCorrection.map {
                " (\(Format.number($0.correctedValue)) \(m.unit) corrected to \(Format.number($0.referenceC)) °C)"
            } ?? ""
        switch m.classification {
        case .absent:
            let limit = m.limit.map {
                " (\($0.origin == .lab ? "lab" : "published") \(Names.words(m.measure)) \($0.text))"
            }
            return "\(subject): no response\(limit ?? "")"
        case .unclassified:
            return "\(head) \(m.value.map { Format.number($0) } ?? "-") \(m.unit): no reference limit, not judged"
        case .normal:
            let before = m.possiblyTemperatureRelated ? "; abnormal before the correction for a cool limb" : ""
            return "\(head) \(Format.number(m.value ?? 0)) \(m.unit)\(corrected): normal\(limitText)\(before)"
        case .low, .high:
            let low = m.classification == .low
            let word =
                m.measure == .amplitude
                ? (low ? "low" : "high") : m.measure.isVelocity ? (low ? "slow" : "fast") : (low ? "low" : "prolonged")
            let percentText =
                m.percentOfLimit.map {
                    ", \(Format.percent($0)) of the \(m.limit?.bound == .lower ? "lower" : "upper") limit"
                } ?? ""
            let thermal = m.possiblyTemperatureRelated ? "; possibly temperature-related" : ""
            return "\(head) \(Format.number(m.value ?? 0)) \(m.unit)\(corrected): \(word)\(percentText)\(limitText)"
                + thermal
        }
    }

    /// `Peroneal motor (EDB) amplitude: left 1.8 mV, right 5.1 mV; left 35 % of the right, below the
    /// side-to-side limit (>= 39 %)`.
    public static func statement(_ c: SideComparison) -> String {
        let place = Names.words(c.site).map { ", \($0)" } ?? ""
        let measured = c.valueMeasure == .acrossFibularHeadVelocity ? "" : place
        func value(_ value: Double?) -> String { value.map { "\(Format.number($0)) \(c.valueUnit)" } ?? "absent" }
        let head =
            "\(Names.title(c.study).capitalizedFirst) \(Names.words(c.valueMeasure))\(measured): "
            + "left \(value(c.leftValue)), right \(value(c.rightValue))"
        let worse = c.worseSide.rawValue
        let other = c.worseSide == .left ? "right" : "left"
        let verdict = c.abnormal ? "beyond the side-to-side limit" : "within the side-to-side limit"
        switch c.measure {
        case .amplitudeDrop:
            // The drop of the smaller side, as the share of the larger that it keeps.
            let limit = "(>= \(Format.percent(100 - c.limit.value)) of the other side)"
            let smaller = c.worseSide == .left ? c.leftValue : c.rightValue
            let share = smaller == nil ? "" : "; \(worse) \(Format.percent(100 - c.difference)) of the \(other)"
            return "\(head)\(share), \(c.abnormal ? "below" : "within") the side-to-side limit \(limit)"
        default:
            let limit = "(\(c.limit.text))"
            guard c.difference != 0 else { return "\(head); no difference, \(verdict) \(limit)" }
            let direction = c.measure == .velocityDifference ? "slower" : "longer"
            return "\(head); \(worse) \(Format.number(c.difference)) \(c.unit) \(direction), \(verdict) \(limit)"
        }
    }

    /// A comparison in a table cell: `left 36 % of right`, `right absent`, `left 0.6 ms longer`,
    /// `right 2 m/s slower`, `no difference`.
    public static func comparisonCell(_ c: SideComparison) -> String {
        let worse = c.worseSide.rawValue
        let other = c.worseSide == .left ? "right" : "left"
        switch c.measure {
        case .amplitudeDrop:
            let smaller = c.worseSide == .left ? c.leftValue : c.rightValue
            return smaller == nil ? "\(worse) absent" : "\(worse) \(Format.percent(100 - c.difference)) of \(other)"
        default:
            guard c.difference != 0 else { return "no difference" }
            let direction = c.measure == .velocityDifference ? "slower" : "longer"
            return "\(worse) \(Format.number(c.difference)) \(c.unit) \(direction)"
        }
    }

    /// The side-to-side limit in a table cell: `>=50 %` (the share of the larger response the smaller
    /// must keep), `<=1.6 ms`, `<=8 m/s`.
    public static func comparisonLimit(_ c: SideComparison) -> String {
        c.measure == .amplitudeDrop
            ? ">=\(Format.percent(100 - c.limit.value))" : "<=\(Format.number(c.limit.value)) \(c.limit.unit)"
    }

    // MARK: Nerves

    public static func statement(_ n: NerveFinding, _ findings: StudyFindings) -> String {
        let title = "\(Names.title(n.side)) \(Names.title(n.study))"
        let values = n.values
        switch n.kind {
        case .axonLoss:
            if n.noResponseAtAnySite {
                return "\(title): no response at any site (severe axon loss, or block proximal to every stimulation "
                    + "site)"
            }
            let amplitude = n.basis.first.flatMap(findings.measurement)
            let what = n.fibres == .motor ? "CMAP" : "SNAP"
            let measured =
                amplitude?.classification == .absent
                ? "absent \(what)"
                : "\(what) \(Format.number(values.amplitude ?? 0)) \(amplitude?.unit ?? "")"
                    + (values.percentOfContralateral.map { ", \(Format.percent($0)) of the other side" } ?? "")
                    + (amplitude?.classification == .low ? ", below the lower limit" : "")
            return "\(title): \(n.grade?.description ?? "") axon loss (\(measured))"
        case .accessoryDeepPeroneal:
            return "\(segmentTitle(n)): proximal CMAP \(Format.number(values.proximalAmplitude ?? 0)) mV larger than "
                + "the ankle CMAP \(Format.number(values.distalAmplitude ?? 0)) mV, the pattern of an accessory deep "
                + "peroneal nerve (a normal variant in about "
                + "\(Format.percent(Criteria.accessoryPeronealPrevalence.value))), not block"
        case .physiologicalProximalDrop:
            let drop = values.areaDropPercent ?? values.amplitudeDropPercent ?? 0
            if n.caveats.contains(.submaximalPoplitealStimulation) {
                let reason =
                    values.contralateralDropPercent == nil ? "no other side to compare" : "the other side drops as much"
                return "\(segmentTitle(n)): amplitude \(Format.percent(drop)) smaller from the knee; not called block "
                    + "on amplitude alone (\(reason))"
            }
            return "\(segmentTitle(n)): amplitude \(Format.percent(drop)) smaller from the knee, within the normal "
                + "tibial drop of up to \(Format.percent(Criteria.tibialPhysiologicalDrop.value)); not conduction block"
        case .possibleConductionBlock:
            let drop = values.areaDropPercent ?? values.amplitudeDropPercent ?? 0
            return "\(segmentTitle(n)): amplitude \(Format.percent(drop)) smaller from the knee against "
                + "\(Format.percent(values.contralateralDropPercent ?? 0)) on the other side: possible conduction block"
        case .conductionBlock, .temporalDispersion:
            if n.location?.segment == nil {
                let limit =
                    n.nerve == .tibial
                    ? Criteria.prolongedDurationTibial.value : Criteria.prolongedDurationPeroneal.value
                return "\(title): prolonged distal CMAP duration \(Format.number(values.duration ?? 0)) ms "
                    + "(>= \(Format.number(limit)) ms)"
            }
            let drop = values.areaDropPercent ?? values.amplitudeDropPercent ?? 0
            let what =
                n.kind == .temporalDispersion
                ? "temporal dispersion (possible block)" : "\(n.grade?.description ?? "") conduction block"
            let durationText =
                values.durationIncreasePercent.map { ", duration \($0 >= 0 ? "+" : "")\(Format.percent($0))" } ?? ""
            return "\(segmentTitle(n)): \(what), \(values.areaDropPercent != nil ? "area" : "amplitude") drop "
                + "\(Format.percent(drop))\(durationText)"
        case .focalSlowing:
            let across = Format.number(values.acrossFibularHeadVelocity ?? 0)
            let thermal = n.possiblyTemperatureRelated ? "; possibly temperature-related" : ""
            if let slowing = values.slowingMS, let leg = values.legVelocity {
                return "\(title): focal slowing across the fibular head (\(across) m/s against "
                    + "\(Format.number(leg)) m/s in the leg, \(Format.number(slowing)) m/s slower)\(thermal)"
            }
            let limit = n.basis.first.flatMap(findings.measurement)?.limit?.text ?? "not available"
            return "\(title): focal slowing across the fibular head (\(across) m/s; limit \(limit); leg segment "
                + "normal)\(thermal)"
        case .demyelinatingSlowing, .slowing:
            let thermal = n.possiblyTemperatureRelated ? "; possibly temperature-related" : ""
            let measured = n.basis.first.flatMap(findings.measurement)
            if n.study.kind == .fWave || n.study.kind == .hReflex {
                let response = "\(Names.title(n.side)) \(Names.lateResponse(n.study))"
                if let comparison = n.basis.first.flatMap(findings.comparison) {
                    let other = n.side == .left ? "right" : "left"
                    return "\(response) later than the \(other) by \(Format.number(comparison.difference)) ms "
                        + "(side-to-side limit \(comparison.limit.text))"
                }
                let text =
                    measured?.classification == .absent
                    ? "absent"
                    : n.kind == .demyelinatingSlowing ? "prolonged into the demyelinating range" : "prolonged"
                return "\(response) \(text)" + (values.latency.map { " (\(Format.number($0)) ms)" } ?? "")
            }
            if n.fibres == .sensory {
                return "\(title): slowing with a normal amplitude (\(measured.map { Names.words($0.measure) } ?? "") "
                    + "\(Format.number(values.value ?? 0)) \(measured?.unit ?? ""))\(thermal)"
            }
            // The measure of a velocity across the fibular head names its place.
            let place =
                measured.flatMap { $0.measure == .acrossFibularHeadVelocity ? nil : Names.words($0.site) }
                .map { ", \($0)" } ?? ""
            let range =
                n.kind == .demyelinatingSlowing
                ? "slowing in the demyelinating range" : "slowing in the axon-loss range"
            let bound = measured?.limit?.bound == .upper ? "upper" : "lower"
            return "\(title)\(place): \(range) (\(measured.map { Names.words($0.measure) } ?? "") "
                + "\(Format.number(values.value ?? 0)) \(measured?.unit ?? ""), "
                + "\(Format.percent(values.percentOfLimit ?? 0)) of the \(bound) limit)\(thermal)"
        }
    }

    /// `Left peroneal motor (EDB), ankle to below fibular head`; `…, across the fibular head`.
    private static func segmentTitle(_ n: NerveFinding) -> String {
        let segment = n.location?.segment.map { ", \(Names.words($0))" } ?? ""
        return "\(Names.title(n.side)) \(Names.title(n.study))\(segment)"
    }

    // MARK: Muscles

    /// `Left tibialis anterior: fibrillation potentials or positive sharp waves 2+; reduced recruitment
    /// [acute]`, in the terms of the AANEM glossary.
    public static func statement(_ m: MuscleFinding) -> String {
        var parts: [String] = []
        if m.activeDenervation {
            parts.append("fibrillation potentials or positive sharp waves \(m.denervation?.rawValue ?? "")")
        }
        if m.reinnervation {
            parts.append("chronic reinnervation (\(m.reinnervationFeatures.map(Names.words).joined(separator: ", ")))")
        }
        if let recruitment = m.recruitment, recruitment != .normal {
            parts.append(Names.words(recruitment))
        }
        let state =
            parts.isEmpty
            ? (m.beforeFibrillationOnset ? "normal (may be too early for denervation)" : "normal")
            : parts.joined(separator: "; ")
        let acuityText = m.acuity.map { " [\(Format.words($0.rawValue))]" } ?? ""
        let label = m.muscle?.rawValue ?? Slug.make(m.label)
        return "\(Names.title(m.side)) \(Format.words(label)): \(state)\(acuityText)"
    }

    // MARK: Technical notes

    public static func statement(_ note: TechnicalNote) -> String {
        let threshold = Format.number(Criteria.coolFoot.value)
        switch note.topic {
        case .ageMissing:
            return "Age not recorded: age-banded limits fall back to the all-subjects limits."
        case .heightMissing:
            return "Height not recorded: height-banded limits (velocities, latencies) fall back to the "
                + "all-subjects limits."
        case .durationMissing:
            return "Symptom duration not recorded: acuity is judged from the needle findings alone, and "
                + "normal muscles are taken as evidence (denervation assumed to have had time to appear)."
        case .tooEarlyForAxonLoss:
            return "Study \(Format.number(note.days ?? 0)) days after onset: Wallerian degeneration is not "
                + "complete, so distal amplitudes do not yet measure axon loss and a proximal drop may be early axon "
                + "loss rather than block. A repeat study after day 10-14 is advised."
        case .temperatureMissing:
            let side = note.side?.rawValue ?? ""
            return "No \(side) limb temperature recorded: the limb is assumed warm (>= \(threshold) °C); slow values "
                + "could still be due to cooling."
        case .coolLimb:
            let side = note.side?.rawValue ?? ""
            return "Cool \(side) limb (\(Format.number(note.celsius ?? 0)) °C, below \(threshold) °C): slow latencies "
                + "and velocities that warming could explain are marked possibly temperature-related; amplitudes are "
                + "not corrected."
        case .limits:
            guard let used = note.limitsUsed else { return "" }
            var message =
                used.preference == .lab
                ? (used.lab == 0
                    ? "Reference limits: published adult norms (\(used.published) values); the export gave no lab "
                        + "limits."
                    : "Reference limits: the lab's own where the export gives them (\(used.lab) values), published "
                        + "adult norms otherwise (\(used.published) values).")
                : "Reference limits: published adult norms (\(used.published) values); the lab's limits are shown "
                    + "beside them where exported."
            if used.unclassified > 0 {
                let one = used.unclassified == 1
                message +=
                    " \(used.unclassified) value\(one ? " has" : "s have") no reference limit and "
                    + "\(one ? "is" : "are") reported without a judgement."
            }
            return message
        }
    }

    /// `Published limits from: Buschbacher 1999, tibial motor (S10); …`: the sources of the published
    /// limits the tables show, by their keys in docs/bibliography.md.
    public static func limitSources(_ keys: [String]) -> String {
        let names = keys.map { key in Bibliography.short[key].map { "\($0) (\(key))" } ?? key }
        return "Published limits from: \(names.joined(separator: "; "))."
    }

    /// `Cool left limb (27 °C), values as measured → corrected to 30 °C: peroneal motor (EDB) distal
    /// latency 6 → 5.4 ms, velocity (below fibular head to ankle) 35 → 39.5 m/s; sural sensory …`: the
    /// values the tables mark `c`, one note per limb and reference temperature.
    public static func corrections(_ findings: StudyFindings) -> [String] {
        var notes: [String] = []
        for side in Side.allCases {
            let corrected = findings.measurements.filter { $0.side == side && $0.temperatureCorrection != nil }
            var references: [Double] = []
            for m in corrected {
                if let reference = m.temperatureCorrection?.referenceC, !references.contains(reference) {
                    references.append(reference)
                }
            }
            for reference in references {
                var studies: [(StudyKey, [String])] = []
                var celsius = 0.0
                for m in corrected {
                    guard let correction = m.temperatureCorrection, correction.referenceC == reference,
                        let value = m.value
                    else { continue }
                    celsius = correction.celsius
                    let place: String? =
                        switch m.site {
                        case .segment(let segment) where m.measure != .acrossFibularHeadVelocity:
                            " (\(Names.words(segment)))"
                        default: nil
                        }
                    let text =
                        "\(Names.words(m.measure))\(place ?? "") \(Format.number(value)) → "
                        + "\(Format.number(correction.correctedValue)) \(m.unit)"
                    if let index = studies.firstIndex(where: { $0.0 == m.study }) {
                        studies[index].1.append(text)
                    } else {
                        studies.append((m.study, [text]))
                    }
                }
                let values = studies.map { "\(Names.title($0.0)) \($0.1.joined(separator: ", "))" }
                notes.append(
                    "Cool \(side.rawValue) limb (\(Format.number(celsius)) °C), values as measured → corrected to "
                        + "\(Format.number(reference)) °C: \(values.joined(separator: "; ")).")
            }
        }
        return notes
    }

    /// The caveats the findings carry, each once, with what it concerns: `Over age 60 a small or absent
    /// response is weak evidence (…). Concerns: left superficial peroneal sensory amplitude.` Notes that the
    /// tables already show (no published limit) and missing covariates (their own note) are left out.
    public static func caveats(_ findings: StudyFindings) -> [String] {
        var order: [FindingNote] = []
        var subjects: [FindingNote: [String]] = [:]
        func add(_ note: FindingNote, _ subject: String) {
            if subjects[note] == nil { order.append(note) }
            if !(subjects[note] ?? []).contains(subject) { subjects[note, default: []].append(subject) }
        }
        for m in findings.measurements {
            for note in m.notes {
                switch note {
                case .noPublishedReference, .noPublishedLimitForMeasure, .limitAssumption(.covariatesMissing(_, _)):
                    continue
                // A limit assumption holds for the whole study: named once.
                case .limitAssumption: add(note, Names.title(m.study))
                default:
                    let place = m.measure == .acrossFibularHeadVelocity ? nil : Names.words(m.site)
                    add(
                        note,
                        "\(m.side.rawValue) \(Names.title(m.study)) \(Names.words(m.measure))"
                            + (place.map { ", \($0)" } ?? ""))
                }
            }
        }
        for n in findings.nerves {
            // Notes carried over from a sensory amplitude are already named with it.
            for note in n.caveats where !note.weakensSensoryLoss {
                add(note, "\(n.side.rawValue) \(Names.title(n.study)) \(Names.words(n.kind))")
            }
        }
        for m in findings.muscles {
            for note in m.notes {
                add(note, "\(m.side.rawValue) \(Format.words(m.muscle?.rawValue ?? Slug.make(m.label)))")
            }
        }
        return order.map { note in
            var sentence = text(note).capitalizedFirst
            if !sentence.hasSuffix(".") { sentence += "." }
            return "\(sentence) Concerns: \((subjects[note] ?? []).joined(separator: "; "))."
        }
    }

    // MARK: Notes and caveats

    /// The sentence of a note or caveat.
    public static func text(_ note: FindingNote) -> String {
        switch note {
        case .limitAssumption(let assumption):
            return text(assumption)
        case .noPublishedReference:
            return "No published reference value for this study: reported without classification."
        case .noPublishedLimitForMeasure:
            return "No published limit for this measure: reported without classification."
        case .peronealFWavesOftenAbsent:
            return "Peroneal F waves are often sparse or absent in normal subjects; absence alone is not abnormal [U]."
        case .olderSensoryResponseWeakEvidence:
            return "Over age \(Format.number(Criteria.sensoryAgeCaveat.value)) a small or absent response is weak "
                + "evidence (superficial peroneal absent in "
                + "\(Format.number(Criteria.superficialPeronealAbsentOver60.value)) % of healthy people over 60, S16)."
        case .saphenousOftenUnobtainable:
            return "Saphenous responses are unobtainable bilaterally in "
                + "\(Format.number(Criteria.saphenousAbsentInNormals.value)) % of normal subjects (S6): only a "
                + "unilateral loss with a normal other side is meaningful."
        case .warmingCouldExplain:
            return "Cool limb: judged after correction to the reference temperature (about "
                + "\(Format.number(Criteria.latencyPerDegree.value)) ms, "
                + "\(Format.number(Criteria.motorVelocityPerDegree.value)) m/s motor or "
                + "\(Format.number(Criteria.sensoryVelocityPerDegree.value)) m/s sensory per °C, S31, S33, S34); "
                + "warm the limb and repeat the study."
        case .earlyForMotorAxonLoss(let days):
            return "Only \(Format.number(days)) days after onset: the distal CMAP may not yet show the axon loss "
                + "(Wallerian degeneration takes about \(Format.number(Criteria.wallerianMotorDays.value)) days, S47, "
                + "S48)."
        case .earlyForSensoryAxonLoss(let days):
            return "Only \(Format.number(days)) days after onset: sensory potentials persist a few days longer than "
                + "CMAPs, so a normal SNAP does not yet exclude a postganglionic lesion (S47, S48)."
        case .confirmAccessoryDeepPeroneal:
            return "Confirm by stimulating behind the lateral malleolus; the ankle CMAP then underestimates the EDB "
                + "response."
        case .distalResponseTooSmallForBlock:
            return "Distal CMAP below \(Format.number(Criteria.blockMinimumDistalAmplitude.value)) % of the lower "
                + "limit: block cannot be judged reliably (S39)."
        case .earlyDropMayBeAxonLoss:
            return "Within \(Format.number(Criteria.wallerianMotorDays.value)) days of onset a proximal drop may be "
                + "early axon loss rather than block; repeat after day 10."
        case .tibialBlockNeedsAsymmetry:
            return "Tibial block is not called on amplitude alone (proximal drops up to "
                + "\(Format.percent(Criteria.tibialPhysiologicalDrop.value)) are normal, and EFNS/PNS criteria exclude "
                + "the tibial nerve); the asymmetry is what supports it."
        case .submaximalPoplitealStimulation:
            return "Submaximal popliteal stimulation is the usual cause of a large tibial drop."
        case .sameLimbSoNotCooling:
            return "Both segments are on the same limb, so cooling does not explain the difference."
        case .coolLimbPossiblyTemperature:
            return "Cool limb: possibly temperature-related."
        case .beforeFibrillationOnset(let day, let expected):
            return "Day \(Format.number(day)) after onset: fibrillations are not expected in this muscle before "
                + "about day \(Format.number(expected)), so their absence does not exclude denervation."
        case .polyphasiaAloneWeak:
            return "Polyphasia alone is a weak sign of reinnervation; not counted as chronic change."
        case .equivocalSpontaneousActivity:
            return "Equivocal (+/-) spontaneous activity is not counted as active denervation."
        case .paraspinalActivityInHealthy:
            return "Paraspinal spontaneous activity occurs in \(Format.number(Criteria.paraspinalFibsInHealthy.value)) "
                + "% of asymptomatic adults, more with age (S59): weak evidence on its own."
        case .myopathicFeatures:
            return "Myopathic features (small, short MUAPs or early recruitment) lie outside the neurogenic model."
        case .insertionalActivityAlone:
            return "Increased insertional activity without fibrillations is not counted as denervation."
        }
    }

    /// What a limit lookup assumed.
    public static func text(_ assumption: LimitAssumption) -> String {
        switch assumption {
        case .covariatesMissing(let covariates, let band):
            let what = covariates.map(\.rawValue).joined(separator: " and ")
            return band.map { "\(what) not recorded: the most lenient band (\($0)) is used" }
                ?? "\(what) not recorded: the all-subjects limit is used"
        case .outsideReferencePopulation(let age, let height, let band):
            let covariates = [
                age.map { "age \(Int($0.rounded())) y" }, height.map { "height \(Int($0.rounded())) cm" },
            ].compactMap { $0 }.joined(separator: ", ")
            return "patient outside the reference population (\(covariates)): the nearest band (\(band ?? "all")) "
                + "is used"
        case .olderThanReferencePopulation(let age, let oldest):
            return "age \(Int(age.rounded())) y is beyond the reference population, which ends at \(Int(oldest)) y: "
                + "judged by the limits of its oldest band"
        }
    }
}
