import EDXFindings
import EDXModel
import EDXReference
import EDXReport

/// The value of one observation.
enum ObservedValue: Sendable, Hashable {
    /// A measured number in a report unit (`ms`, `µV`, `%`).
    case quantity(Double, unit: String)
    /// The response was sought and was absent: a finding, not missing data.
    case noResponse
    /// A graded or named finding as the report words it (`2+`, `reduced`, `left`).
    case text(String)
    /// No value of its own: the components carry it (a needle examination).
    case none
}

/// A value's place against its limit: FHIR `Observation.interpretation` and HL7 OBX-8.
enum Interpretation: Sendable, Hashable {
    case low, high, abnormal, normal

    var code: SourcedCode {
        switch self {
        case .low: InteropCodes.low
        case .high: InteropCodes.high
        case .abnormal: InteropCodes.abnormal
        case .normal: InteropCodes.normal
        }
    }

    /// From a value cell: its classification when edx judged it (`absent` is abnormal without a
    /// direction), else abnormal only when flagged; nil when the value was not judged.
    init?(_ cell: ValueCell) {
        switch cell.classification.flatMap(Classification.init(rawValue:)) {
        case .normal?: self = .normal
        case .low?: self = .low
        case .high?: self = .high
        case .absent?: self = .abnormal
        case .unclassified?, nil:
            guard cell.abnormal else { return nil }
            self = .abnormal
        }
    }
}

/// A part of an observation: where it was measured, or one finding of a needle examination.
struct ObservationComponent: Sendable, Hashable {
    var measure: InteropMeasure
    var value: ObservedValue
    /// Context shared by every value of the table row (the nerve, the side, the sites), as opposed to
    /// what belongs to this value alone (its temperature correction, a needle finding). HL7 writes the
    /// shared context once per row.
    var shared: Bool
}

/// The normal limit of a value: its bound, value and unit, and where it comes from in words.
struct ObservationLimit: Sendable, Hashable {
    var bound: Bound
    var value: Double
    var unit: String
    /// `lab: >2.0` or the published source.
    var text: String
}

/// One observation of a report, in the terms both writers share: a value of a table row or a needle
/// examination, with its interpretation, limit and context.
struct ReportObservation: Sendable, Hashable {
    /// Unique within the report and stable across runs: `motor.3.cmap-amplitude`, `needle.2.needle-examination`.
    var key: String
    /// The table row the value belongs to: `motor.3`, `needle.2`.
    var row: String
    var measure: InteropMeasure
    var value: ObservedValue
    var interpretation: Interpretation?
    var limit: ObservationLimit?
    /// The nerve or muscle, in words.
    var bodySite: String?
    var components: [ObservationComponent]
    /// The examiner's comment on the study, as exported.
    var note: String?
}

/// The observations of a report: every value of its motor, sensory and late-response rows, and every
/// needle examination, in table order. Side-to-side comparisons, summary and impression are not
/// observations of their own: the comparisons are findings about two observations, and the report
/// carries the rest (conclusion, FT segments, the PDF).
enum ReportObservations {
    static func all(_ report: StudyReport) -> [ReportObservation] {
        var out: [ReportObservation] = []
        for (index, row) in report.motor.enumerated() {
            let prefix = "motor.\(index + 1)"
            var context = [component(.nerve, row.nerve), component(.side, row.side.rawValue)]
            context += [component(.stimulationSite, row.site), component(.recordingSite, row.recording)]
            let near = context + [quantity(.distance, row.distanceCm, "cm")]
            out += cell(row.latency, .motorLatency, prefix, row.nerve, near, note: row.comment)
            out += cell(row.amplitude, .cmapAmplitude, prefix, row.nerve, near)
            out += cell(row.duration, .cmapDuration, prefix, row.nerve, near)
            out += cell(row.area, .cmapArea, prefix, row.nerve, near)
            let segment =
                context + [component(.segment, row.segment), quantity(.segmentDistance, row.segmentDistanceCm, "cm")]
            out += cell(row.velocity, .motorVelocity, prefix, row.nerve, segment)
            if let change = row.amplitudeChangePercent {
                out.append(
                    observation(prefix, .cmapAmplitudeChange, .quantity(change, unit: "%"), row.nerve, segment))
            }
        }
        for (index, row) in report.sensory.enumerated() {
            let prefix = "sensory.\(index + 1)"
            var context = [component(.nerve, row.nerve), component(.side, row.side.rawValue)]
            context += [component(.stimulationSite, row.site), component(.recordingSite, row.recording)]
            context += [component(.sensoryMethod, row.method), quantity(.distance, row.distanceCm, "cm")]
            out += cell(row.onsetLatency, .sensoryOnsetLatency, prefix, row.nerve, context, note: row.comment)
            out += cell(row.peakLatency, .sensoryPeakLatency, prefix, row.nerve, context)
            out += cell(row.amplitude, .snapAmplitude, prefix, row.nerve, context)
            out += cell(row.velocity, .sensoryVelocity, prefix, row.nerve, context)
        }
        for (index, row) in report.lateResponses.enumerated() {
            let prefix = "late.\(index + 1)"
            let context = [
                component(.nerve, row.nerve), component(.side, row.side.rawValue),
                component(.recordingSite, row.recording),
            ]
            let kind = LateResponseKind(rawValue: row.kind)
            let latency: InteropMeasure =
                switch kind {
                case .fWave?: .fWaveLatency
                case .hReflex?: .hReflexLatency
                case nil: .lateResponseLatency
                }
            out += cell(row.latency, latency, prefix, row.nerve, context, note: row.comment)
            out += cell(row.amplitude, .hReflexAmplitude, prefix, row.nerve, context)
            if let persistence = row.persistencePercent {
                out.append(
                    observation(prefix, .fWavePersistence, .quantity(persistence, unit: "%"), row.nerve, context))
            }
            out += cell(row.sideDifference, .lateResponseSideDifference, prefix, row.nerve, context)
        }
        for (index, row) in report.needle.enumerated() {
            var parts = [component(.muscle, row.muscle), component(.side, row.side.rawValue)]
            parts += [component(.nerve, row.nerve), component(.roots, row.roots)]
            func finding(_ measure: InteropMeasure, _ text: String?) -> ObservationComponent? {
                component(measure, text, shared: false)
            }
            parts += [finding(.insertionalActivity, row.insertionalActivity)]
            parts += [finding(.fibrillations, row.fibrillations), finding(.positiveSharpWaves, row.positiveSharpWaves)]
            parts += [finding(.fasciculations, row.fasciculations), finding(.muapAmplitude, row.muapAmplitude)]
            parts += [finding(.muapDuration, row.muapDuration), finding(.polyphasia, row.polyphasia)]
            parts += [finding(.recruitment, row.recruitment), finding(.interferencePattern, row.interferencePattern)]
            parts += [finding(.acuity, row.acuity)]
            var exam = observation("needle.\(index + 1)", .needleExamination, .none, row.muscle, parts)
            exam.interpretation = row.abnormal ? .abnormal : .normal
            exam.note = row.comment
            out.append(exam)
        }
        return out
    }

    /// The late responses of the report's rows (`kind`, a value of the report schema).
    private enum LateResponseKind: String {
        case fWave = "f-wave"
        case hReflex = "h-reflex"
    }

    /// The observation of a value cell, with its interpretation, limit and temperature correction;
    /// none when the cell is absent or holds neither a value nor a no-response.
    private static func cell(
        _ cell: ValueCell?, _ measure: InteropMeasure, _ prefix: String, _ site: String,
        _ context: [ObservationComponent?], note: String? = nil
    ) -> [ReportObservation] {
        guard let cell else { return [] }
        let value: ObservedValue
        if cell.noResponse {
            value = .noResponse
        } else if let number = cell.value {
            value = .quantity(number, unit: cell.unit)
        } else {
            return []
        }
        var parts = context
        if let correction = cell.temperatureCorrection {
            parts.append(quantity(.temperatureCorrectedValue, correction.value, cell.unit, shared: false))
            parts.append(quantity(.limbTemperature, correction.celsius, "°C", shared: false))
        }
        var out = observation(prefix, measure, value, site, parts)
        out.interpretation = Interpretation(cell)
        out.limit = cell.limit.flatMap { limit in
            Bound(rawValue: limit.bound).map {
                ObservationLimit(bound: $0, value: limit.value, unit: limit.unit, text: limit.citation ?? limit.origin)
            }
        }
        out.note = note
        return [out]
    }

    private static func observation(
        _ prefix: String, _ measure: InteropMeasure, _ value: ObservedValue, _ site: String?,
        _ components: [ObservationComponent?]
    ) -> ReportObservation {
        ReportObservation(
            key: prefix + "." + measure.entry.code, row: prefix, measure: measure, value: value, interpretation: nil,
            limit: nil, bodySite: site, components: components.compactMap { $0 }, note: nil)
    }

    private static func component(_ measure: InteropMeasure, _ text: String?, shared: Bool = true)
        -> ObservationComponent?
    {
        guard let text, !text.isEmpty else { return nil }
        return ObservationComponent(measure: measure, value: .text(text), shared: shared)
    }

    private static func quantity(_ measure: InteropMeasure, _ value: Double?, _ unit: String, shared: Bool = true)
        -> ObservationComponent?
    {
        value.map { ObservationComponent(measure: measure, value: .quantity($0, unit: unit), shared: shared) }
    }
}

/// The report's own words for the record: its impression, and its findings.
enum ReportNarrative {
    /// The impression as signed: its paragraphs, then the clinical-correlation sentence, separated by
    /// blank lines; nil when the report has none.
    static func impression(_ report: StudyReport) -> String? {
        let parts = report.impression.paragraphs + [report.impression.correlation].compactMap { $0 }
        let text = parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return text.isEmpty ? nil : text
    }

    /// The abnormal findings, most important first, then the pertinent normals, one per line; nil when
    /// the report lists neither.
    static func findings(_ report: StudyReport) -> String? {
        let lines = report.summary.map(\.statement) + report.pertinentNormals
        let text = lines.filter { !$0.isEmpty }.joined(separator: "\n")
        return text.isEmpty ? nil : text
    }
}
