public import EDXModel
public import EDXReference

/// The normal limits a lab keeps in its profile (`--lab FILE`, docs/formats.md "Lab profiles").
///
/// They are lab limits (origin `lab`): they judge a value whose export carries no lab limit of its
/// own, a limit the export carries wins over them, and `--limits published` puts the published limit
/// first as it does for every lab limit.
public struct LabProfileLimits: Sendable, Hashable {
    /// One limit: which value of which study, the bound in the canonical unit, and an age band.
    public struct Entry: Sendable, Hashable {
        public var kind: StudyKey.Kind
        public var nerve: Nerve
        /// The recording muscle of a motor study; nil for any recording (always nil for other kinds).
        public var recording: RecordingSite?
        public var measure: Measure
        /// Always the bound that is normal for the measure (``LabProfileLimits/bound(of:)``).
        public var bound: Bound
        /// In the canonical unit of the value (``LabProfileLimits/unit(of:in:)``).
        public var value: Double
        /// The ages the limit is for, whole years (lower inclusive, upper exclusive); nil for all.
        public var ages: Range<Int>?

        public init(
            kind: StudyKey.Kind, nerve: Nerve, recording: RecordingSite? = nil, measure: Measure, bound: Bound,
            value: Double, ages: Range<Int>? = nil
        ) {
            self.kind = kind
            self.nerve = nerve
            self.recording = recording
            self.measure = measure
            self.bound = bound
            self.value = value
            self.ages = ages
        }

        /// `age 40-79 y`, as the bands of published limits are written; nil without a band.
        public var band: String? {
            ages.map { "age \($0.lowerBound)-\($0.upperBound - 1) y" }
        }

        /// Whether the entry is for `key` (an unstated H-reflex nerve is the tibial nerve, as for the
        /// published limits).
        func applies(to key: StudyKey, measure: Measure) -> Bool {
            guard kind == key.kind, self.measure == measure else { return false }
            let nerveMatches = nerve == key.nerve || (kind == .hReflex && key.nerve == nil && nerve == .tibial)
            return nerveMatches && (recording == nil || recording == key.recording)
        }

        func holds(_ ageYears: Double?) -> Bool {
            guard let ages else { return true }
            guard let ageYears else { return false }
            return Double(ages.lowerBound) <= ageYears && ageYears < Double(ages.upperBound)
        }
    }

    /// The profile's name, shown in the label of every limit it supplies.
    public var profileName: String
    public var entries: [Entry]

    public init(profileName: String, entries: [Entry]) {
        self.profileName = profileName
        self.entries = entries
    }

    /// The limit for `measure` of the study `key` for a patient of `ageYears`, or nil when the
    /// profile has none that applies.
    ///
    /// An entry for the study's recording goes before one for any recording; among those, an entry
    /// whose band holds the age goes before one without a band. An entry with a band never applies
    /// when the age is unknown.
    public func entry(for key: StudyKey, measure: Measure, ageYears: Double?) -> Entry? {
        let candidates = entries.filter { $0.applies(to: key, measure: measure) && $0.holds(ageYears) }
        return candidates.min { rank($0) < rank($1) }
    }

    private func rank(_ entry: Entry) -> Int {
        (entry.recording == nil ? 2 : 0) + (entry.ages == nil ? 1 : 0)
    }

    /// The canonical unit of `measure` in a study of `kind`, or nil when such a study has no such
    /// value to judge (side-to-side measures are always judged by published limits).
    public static func unit(of measure: Measure, in kind: StudyKey.Kind) -> String? {
        switch (kind, measure) {
        case (.motor, .distalLatency), (.motor, .duration): "ms"
        case (.motor, .amplitude): "mV"
        case (.motor, .legVelocity), (.motor, .acrossFibularHeadVelocity): "m/s"
        case (.sensory, .onsetLatency), (.sensory, .peakLatency): "ms"
        case (.sensory, .amplitude): "µV"
        case (.sensory, .sensoryVelocity): "m/s"
        case (.fWave, .fMinimumLatency), (.hReflex, .hLatency): "ms"
        default: nil
        }
    }

    /// The side of a limit that is normal for `measure`: lower for amplitudes and velocities, upper
    /// for latencies and durations.
    public static func bound(of measure: Measure) -> Bound { measure.naturalBound }
}

extension Context {
    /// The lab profile's limit for a value, as an applied lab limit labelled with the profile's name.
    func profileLimit(for measured: MeasuredValue) -> AppliedLimit? {
        guard let labLimits,
            let entry = labLimits.entry(
                for: measured.study, measure: measured.measure, ageYears: covariates.ageYears)
        else { return nil }
        var limit = AppliedLimit(
            origin: .lab, bound: entry.bound, value: entry.value, unit: measured.unit, band: entry.band, label: "",
            citation: nil, assumptions: [])
        limit.label = "lab profile \(labLimits.profileName): \(limit.text)"
        return limit
    }
}
