import EDXAnatomy
public import EDXFindings
public import EDXLocalization
public import EDXModel
import EDXReference

/// How a report is made.
public struct ReportOptions: Sendable, Hashable {
    /// The study was de-identified before analysis: say so instead of showing a patient id.
    public var deidentified: Bool
    /// Shown as the generation time; nil (the default) keeps reports byte-identical.
    public var generatedAt: String?
    /// `edx 0.1.0`.
    public var generator: String
    /// The limits the analysis was made with.
    public var limits: LimitPreference

    public init(
        deidentified: Bool = false, generatedAt: String? = nil, generator: String = "edx",
        limits: LimitPreference = .lab
    ) {
        self.deidentified = deidentified
        self.generatedAt = generatedAt
        self.generator = generator
        self.limits = limits
    }
}

extension StudyReport {
    /// The report of `study` (already de-identified if it is to be) from its analysis.
    public init(study: Study, analysis: StudyAnalysis, options: ReportOptions = ReportOptions()) {
        let findings = analysis.findings
        let index = FindingIndex(findings)
        let statements = FindingStatements(findings)
        schemaVersion = Self.currentSchemaVersion
        generator = options.generator
        generatedAt = options.generatedAt
        limits = options.limits
        patient = ReportPatient(
            id: study.patient.id, name: study.patient.name, birthDate: study.patient.birthDate,
            ageYears: study.patient.ageYears, ageOver89: study.patient.ageOver89, sex: study.patient.sex,
            heightCm: study.patient.heightCm,
            weightKg: study.patient.weightKg, deidentified: options.deidentified)
        self.study = ReportStudy(
            id: study.id, date: study.date, referrer: study.referrer, examiner: study.examiner,
            indication: study.indication, symptomDurationDays: study.symptomDurationDays,
            source: options.deidentified ? "withheld (de-identified)" : study.source.description,
            exportedImpression: study.impression)
        let coolSides = Set(findings.technical.filter { $0.kind == .coolLimb }.compactMap(\.side))
        technical = TechnicalSection(
            temperatures: study.temperatures.map {
                TemperatureRow(
                    side: $0.side, site: $0.site, celsius: $0.celsius,
                    cool: $0.side.map(coolSides.contains) ?? false)
            },
            notes: findings.technical.map(FindingStatements.statement) + FindingStatements.corrections(findings)
                + FindingStatements.caveats(findings) + Self.limitSources(findings),
            unmapped: Self.unmapped(study))
        motor = study.motor.flatMap { Self.motorRows($0, index) }
        sensory = study.sensory.flatMap { Self.sensoryRows($0, index) }
        lateResponses =
            study.fWaves.map { Self.fWaveRow($0, index) } + study.hReflexes.map { Self.hReflexRow($0, index) }
        sideToSide = findings.comparisons.map(Self.sideToSideRow)
        needle = study.needle.map { Self.needleRow($0, findings) }
        summary = Self.summary(findings, statements)
        pertinentNormals = PertinentNormals.lines(findings, statements: statements)
        impression = Impression(analysis.localization, findings: findings, statements: statements)
        let outlook = analysis.localization.outlook
        self.outlook = ReportOutlook(
            prognosis: outlook.prognosis.map(DiagnosisWording.text).map { ReportNote(text: $0.0, sources: $0.1) },
            followUp: outlook.followUp.map(DiagnosisWording.text).map { ReportNote(text: $0.0, sources: $0.1) })
        suggestedTests = analysis.localization.suggestedTests.map(ReportSuggestedTest.init)
        decisionSupport = DecisionSupport(impression)
    }

    // MARK: Tables

    private static func motorRows(_ motor: MotorStudy, _ index: FindingIndex) -> [MotorRow] {
        let key = StudyKey(motor)
        let nerve = motor.nerve.map { Format.words($0.rawValue) } ?? motor.nerveLabel
        let recording = Names.recording(motor.recording, label: motor.recordingLabel)
        var rows: [MotorRow] = []
        var usedSegments = Set<Int>()
        for (position, site) in motor.sites.enumerated() {
            let siteKey = SiteKey(site)
            func measured(_ measure: Measure) -> FindingID {
                .measurement(key, motor.side, .site(siteKey), measure)
            }
            var row = MotorRow(
                side: motor.side, nerve: nerve, recording: recording,
                site: Names.site(site.site, label: site.siteLabel),
                latency: nil,
                amplitude: nil, duration: nil, area: nil, distanceCm: site.distanceCm, segment: nil,
                segmentDistanceCm: nil, velocity: nil, amplitudeChangePercent: nil, segmentFindings: [],
                comment: position == 0 ? motor.comment : nil)
            let judged = position == 0
            row.latency = index.cell(
                judged ? measured(.distalLatency) : nil, value: site.latencyMs, unit: "ms", noResponse: site.noResponse)
            row.amplitude = index.cell(
                judged ? measured(.amplitude) : nil, value: site.amplitudeMV, unit: "mV", noResponse: site.noResponse,
                always: true)
            row.duration = index.cell(
                judged ? measured(.duration) : nil, value: site.durationMs, unit: "ms", noResponse: site.noResponse)
            row.area = index.cell(nil, value: site.areaMVms, unit: "mV·ms", noResponse: site.noResponse)
            if position > 0 {
                let previous = motor.sites[position - 1]
                if let found = motor.segments.indices.first(where: { Self.joins(motor.segments[$0], previous, site) }) {
                    usedSegments.insert(found)
                    let segment = motor.segments[found]
                    row.segment = Names.segment(segment)
                    row.segmentDistanceCm = segment.distanceCm
                    row.velocity = Self.velocityCell(segment, key: key, side: motor.side, index)
                }
                if let now = site.noResponse ? 0 : site.amplitudeMV, let before = previous.amplitudeMV,
                    before > 0, !previous.noResponse
                {
                    row.amplitudeChangePercent = ((now - before) / before * 1000).rounded() / 10
                }
                let segment = SegmentKey(from: SiteKey(previous), to: siteKey)
                row.segmentFindings = index.nerveIDs(key, motor.side, segment)
            }
            rows.append(row)
        }
        for (position, segment) in motor.segments.enumerated() where !usedSegments.contains(position) {
            rows.append(
                MotorRow(
                    side: motor.side, nerve: nerve, recording: recording, site: "", latency: nil, amplitude: nil,
                    duration: nil, area: nil, distanceCm: nil, segment: Names.segment(segment),
                    segmentDistanceCm: segment.distanceCm,
                    velocity: Self.velocityCell(segment, key: key, side: motor.side, index),
                    amplitudeChangePercent: nil, segmentFindings: []))
        }
        return rows
    }

    private static func joins(_ segment: Segment, _ a: MotorSite, _ b: MotorSite) -> Bool {
        func same(_ end: StimulationSite?, _ endLabel: String, _ site: MotorSite) -> Bool {
            if let end, let canonical = site.site { return end == canonical }
            return endLabel.lowercased() == site.siteLabel.lowercased()
        }
        return (same(segment.from, segment.fromLabel, a) && same(segment.to, segment.toLabel, b))
            || (same(segment.from, segment.fromLabel, b) && same(segment.to, segment.toLabel, a))
    }

    private static func velocityCell(_ segment: Segment, key: StudyKey, side: Side, _ index: FindingIndex) -> ValueCell?
    {
        let id = [Measure.legVelocity, .acrossFibularHeadVelocity]
            .map { FindingID.measurement(key, side, .segment(SegmentKey(segment)), $0) }
            .first { index.measurements[$0] != nil }
        return index.cell(id, value: segment.velocityMS, unit: "m/s", noResponse: false)
    }

    private static func sensoryRows(_ sensory: SensoryStudy, _ index: FindingIndex) -> [SensoryRow] {
        let key = StudyKey(sensory)
        let nerve = sensory.nerve.map { Format.words($0.rawValue) } ?? sensory.nerveLabel
        return sensory.sites.enumerated().map { position, site in
            func id(_ measure: Measure) -> FindingID? {
                position == 0 ? .measurement(key, sensory.side, .site(SiteKey(site)), measure) : nil
            }
            return SensoryRow(
                side: sensory.side, nerve: nerve, site: Names.site(site.site, label: site.siteLabel),
                recording: Names.recording(sensory.recording, label: sensory.recordingLabel),
                method: sensory.method?.rawValue, distanceCm: site.distanceCm,
                onsetLatency: index.cell(
                    id(.onsetLatency), value: site.onsetLatencyMs, unit: "ms", noResponse: site.noResponse),
                peakLatency: index.cell(
                    id(.peakLatency), value: site.peakLatencyMs, unit: "ms", noResponse: site.noResponse),
                amplitude: index.cell(
                    id(.amplitude), value: site.amplitudeUV, unit: "µV", noResponse: site.noResponse, always: true),
                velocity: index.cell(
                    id(.sensoryVelocity), value: site.velocityMS, unit: "m/s", noResponse: site.noResponse),
                comment: position == 0 ? sensory.comment : nil)
        }
    }

    private static func fWaveRow(_ wave: FWaveStudy, _ index: FindingIndex) -> LateResponseRow {
        let key = StudyKey(wave)
        let id = FindingID.measurement(key, wave.side, .fWave, .fMinimumLatency)
        return LateResponseRow(
            kind: "f-wave", side: wave.side, nerve: wave.nerve.map { Format.words($0.rawValue) } ?? wave.nerveLabel,
            recording: Names.recording(wave.recording, label: wave.recordingLabel),
            latency: index.cell(id, value: wave.minLatencyMs, unit: "ms", noResponse: wave.noResponse, always: true),
            amplitude: nil, persistencePercent: wave.persistencePercent,
            sideDifference: index.sideDifference(key, side: wave.side, exported: wave.sideDifferenceMs),
            comment: wave.comment)
    }

    private static func hReflexRow(_ reflex: HReflexStudy, _ index: FindingIndex) -> LateResponseRow {
        let key = StudyKey(reflex)
        let id = FindingID.measurement(key, reflex.side, .hReflex, .hLatency)
        return LateResponseRow(
            kind: "h-reflex", side: reflex.side,
            nerve: reflex.nerve.map { Format.words($0.rawValue) } ?? reflex.nerveLabel,
            recording: Names.recording(reflex.recording, label: reflex.recordingLabel),
            latency: index.cell(id, value: reflex.latencyMs, unit: "ms", noResponse: reflex.noResponse, always: true),
            amplitude: index.cell(nil, value: reflex.amplitudeMV, unit: "mV", noResponse: reflex.noResponse),
            persistencePercent: nil,
            sideDifference: index.sideDifference(key, side: reflex.side, exported: reflex.sideDifferenceMs),
            comment: reflex.comment)
    }

    private static func sideToSideRow(_ comparison: SideComparison) -> SideToSideRow {
        let smaller = comparison.worseSide == .left ? comparison.leftValue : comparison.rightValue
        let share =
            comparison.measure == .amplitudeDrop && smaller != nil
            ? ((100 - comparison.difference) * 100).rounded() / 100 : nil
        return SideToSideRow(
            study: Names.title(comparison.study).capitalizedFirst, measure: Names.words(comparison.valueMeasure),
            site: Names.words(comparison.site), left: comparison.leftValue, right: comparison.rightValue,
            unit: comparison.valueUnit, comparison: comparison.measure.rawValue, difference: comparison.difference,
            differenceUnit: comparison.unit, percentOfOtherSide: share, worseSide: comparison.worseSide,
            limit: LimitCell(comparison.limit), abnormal: comparison.abnormal, finding: comparison.id.rawValue,
            statement: FindingStatements.statement(comparison),
            comparisonText: FindingStatements.comparisonCell(comparison),
            limitText: FindingStatements.comparisonLimit(comparison))
    }

    private static func needleRow(_ exam: NeedleExam, _ findings: StudyFindings) -> NeedleRow {
        let finding = findings.muscles.first {
            $0.source == exam.source && $0.side == exam.side && $0.label == exam.muscleLabel
        }
        let attachment = exam.muscle.flatMap { Anatomy.muscles[$0] }
        return NeedleRow(
            side: exam.side, muscle: exam.muscle.map { Format.words($0.rawValue) } ?? exam.muscleLabel,
            nerve: attachment?.node.map { Format.words($0.rawValue) },
            roots: attachment.map { Self.roots($0) },
            insertionalActivity: exam.insertionalActivity?.rawValue, fibrillations: exam.fibrillations?.rawValue,
            positiveSharpWaves: exam.positiveSharpWaves?.rawValue, fasciculations: exam.fasciculations?.rawValue,
            muapAmplitude: exam.muapAmplitude?.rawValue, muapDuration: exam.muapDuration?.rawValue,
            polyphasia: exam.polyphasiaGrade?.rawValue ?? exam.polyphasia?.rawValue,
            recruitment: exam.recruitment?.rawValue, interferencePattern: exam.interferencePattern,
            abnormal: finding?.neurogenic ?? false,
            acuity: finding?.acuity?.rawValue, comment: exam.comment, finding: finding?.id.rawValue)
    }

    /// `L5 (L4, S1)`: main roots, then minor ones in parentheses.
    private static func roots(_ attachment: Attachment) -> String {
        let main = attachment.roots.filter { $0.value == .main }.keys.sorted().map { $0.rawValue.uppercased() }
        let minor = attachment.roots.filter { $0.value != .main }.keys.sorted().map { $0.rawValue.uppercased() }
        return main.joined(separator: ", ") + (minor.isEmpty ? "" : " (\(minor.joined(separator: ", ")))")
    }

    /// The sources of the published limits shown beside the values, in the order of their keys.
    private static func limitSources(_ findings: StudyFindings) -> [String] {
        let limits = findings.measurements.compactMap(\.limit) + findings.comparisons.map(\.limit)
        let keys = Set(limits.filter { $0.origin == .published }.flatMap { $0.citation?.sources ?? [] })
        guard !keys.isEmpty else { return [] }
        let ordered = keys.sorted { ($0.count, $0) < ($1.count, $1) }
        return [FindingStatements.limitSources(ordered)]
    }

    private static func unmapped(_ study: Study) -> [String] {
        var names: [String] = []
        names += study.motor.filter { $0.nerve == nil }.map { "motor study \"\($0.nerveLabel)\"" }
        names += study.sensory.filter { $0.nerve == nil }.map { "sensory study \"\($0.nerveLabel)\"" }
        names += study.needle.filter { $0.muscle == nil }.map { "muscle \"\($0.muscleLabel)\"" }
        return names
    }

    // MARK: Summary

    /// Nerve-level conclusions, then abnormal values and asymmetries not already part of one, then the
    /// needle findings; normal variants last.
    private static func summary(_ findings: StudyFindings, _ statements: FindingStatements) -> [SummaryItem] {
        func item(_ id: FindingID, prefix: String = "") -> SummaryItem {
            SummaryItem(finding: id.rawValue, statement: prefix + (statements.statement(id) ?? ""))
        }
        let abnormalNerves = findings.nerves.filter { $0.kind.isAbnormal }
        let covered = Set(abnormalNerves.flatMap(\.basis))
        var items = abnormalNerves.map { item($0.id) }
        items += findings.measurements.filter { $0.classification.isAbnormal && !covered.contains($0.id) }
            .map { item($0.id) }
        items += findings.comparisons.filter { $0.abnormal && !covered.contains($0.id) }.map { item($0.id) }
        items += findings.muscles.filter(\.neurogenic).map { item($0.id) }
        // Normal variants worth knowing (an accessory deep peroneal nerve); the normal tibial knee drop is not listed.
        items += findings.nerves.filter { $0.kind == .accessoryDeepPeroneal }
            .map { item($0.id, prefix: "Normal variant: ") }
        return items
    }
}

/// Findings by id, and the cells built from them.
struct FindingIndex {
    let measurements: [FindingID: MeasurementFinding]
    let comparisons: [SideComparison]
    let nerves: [NerveFinding]

    init(_ findings: StudyFindings) {
        measurements = Dictionary(findings.measurements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        comparisons = findings.comparisons
        nerves = findings.nerves
    }

    /// The ids of the nerve findings (block, dispersion …) about one segment of a study.
    func nerveIDs(_ study: StudyKey, _ side: Side, _ segment: SegmentKey) -> [String] {
        nerves.filter { $0.study == study && $0.side == side && $0.location == .segment(segment) }.map(\.id.rawValue)
    }

    /// The cell of a value: judged when a finding has `id`, else the raw value. Nil when there is
    /// nothing to show (no value and no response), unless `always`: a missing value that must keep
    /// its place (an amplitude, a late-response latency) is then shown as an empty cell.
    func cell(_ id: FindingID?, value: Double?, unit: String, noResponse: Bool, always: Bool = false) -> ValueCell? {
        if let id, let finding = measurements[id] {
            return ValueCell(
                value: finding.value, unit: finding.unit, noResponse: noResponse,
                classification: finding.classification.rawValue, abnormal: finding.classification.isAbnormal,
                limit: finding.limit.map(LimitCell.init), finding: id.rawValue,
                temperatureCorrection: finding.temperatureCorrection.map {
                    CorrectionCell(value: $0.correctedValue, celsius: $0.celsius, referenceCelsius: $0.referenceC)
                })
        }
        guard value != nil || noResponse || always else { return nil }
        return ValueCell(
            value: noResponse ? nil : value, unit: unit, noResponse: noResponse, classification: nil, abnormal: false,
            limit: nil, finding: nil)
    }

    /// The left-right latency difference of a late response: judged when edx compared the sides
    /// (shown once, on the row of the later side), else the exported difference.
    func sideDifference(_ key: StudyKey, side: Side, exported: Double?) -> ValueCell? {
        if let comparison = comparisons.first(where: { $0.study == key && $0.measure == .latencyDifference }) {
            guard comparison.worseSide == side else { return nil }
            return ValueCell(
                value: comparison.difference, unit: comparison.unit, noResponse: false,
                classification: comparison.abnormal ? "high" : "normal", abnormal: comparison.abnormal,
                limit: LimitCell(comparison.limit), finding: comparison.id.rawValue)
        }
        return exported.map {
            ValueCell(
                value: $0, unit: "ms", noResponse: false, classification: nil, abnormal: false, limit: nil, finding: nil
            )
        }
    }
}

extension LimitCell {
    init(_ limit: AppliedLimit) {
        self.init(
            bound: limit.bound.rawValue, value: limit.value, unit: limit.unit, origin: limit.origin.rawValue,
            citation: limit.citation.map { "\($0)" } ?? (limit.origin == .lab ? "lab: \(limit.label)" : limit.label))
    }
}

extension ReportSuggestedTest {
    init(_ test: SuggestedTest) {
        switch test {
        case .separating(let item, let codes, let first, let second, let basis):
            // Worded without the model's numbers (they are in the JSON): which result points where.
            let leader = codes.first.map(DiagnosisWording.words) ?? ""
            let rival = codes.dropFirst().first.map(DiagnosisWording.words) ?? ""
            let rationale: String
            let (abnormal, normal) = (
                ParameterKey.wordingTestExpectedAbnormal.value, ParameterKey.wordingTestExpectedNormal.value
            )
            if first >= abnormal && second < normal {
                rationale =
                    "Expected abnormal in \(Impression.article(leader)), normal in \(Impression.article(rival))."
            } else if first < normal && second >= abnormal {
                rationale =
                    "Expected normal in \(Impression.article(leader)), abnormal in \(Impression.article(rival))."
            } else if first < second {
                rationale =
                    "An abnormal result would favour \(Impression.article(rival)) over \(Impression.article(leader))."
            } else {
                rationale =
                    "An abnormal result would support \(Impression.article(leader)) over \(Impression.article(rival))."
            }
            self.init(
                test: DiagnosisWording.test(item), separates: codes, rationale: rationale,
                citation: basis.map(DiagnosisWording.text))
        case .conductionScreen:
            self.init(
                test: "peroneal and tibial motor studies, sural and superficial peroneal sensory studies, both sides",
                separates: [], rationale: "No localization is possible from the data given.", citation: nil)
        case .needleScreen:
            self.init(
                test: "needle EMG screen of six muscles including a lumbar paraspinal", separates: [],
                rationale: "A six-muscle screen with a paraspinal finds 94-98 % of radiculopathies (Dillingham 2000).",
                citation: "S73, S74")
        case .plexusSensoryStudies(let side):
            self.init(
                test: "sural, superficial peroneal and saphenous sensory studies of the \(side.rawValue) leg",
                separates: [.lumbosacralPlexopathy],
                rationale: "Abnormal sensory responses in the territory would show a plexus lesion; normal ones "
                    + "favour a root lesion, whose ganglion lies outside the canal.",
                citation: "S101, S102")
        case .polyneuropathyStudies(let gaps):
            let test =
                gaps.contains(.otherLegNotExamined)
                ? "sural and superficial peroneal sensory, peroneal and tibial motor studies of the other leg"
                : gaps.contains(.suralNotRecorded)
                    ? "sural sensory studies on both legs" : "sensory and motor studies of both legs and one arm"
            self.init(
                test: test, separates: [.polyneuropathy],
                rationale: "A polyneuropathy cannot be established from this study: these studies would show its "
                    + "signature (several nerves, sensory involvement, a distal gradient, symmetry) or exclude it.",
                citation: "S52, S54")
        }
    }
}
