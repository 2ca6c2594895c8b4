/// Notes which limits judged the values: the lab's, the published ones, or none.
struct LimitsNote: StudyRule {
    func apply(to context: inout Context) {
        let all = context.findings.measurements.compactMap(\.limit)
        let lab = all.filter { $0.origin == .lab }.count
        let unclassified = context.findings.measurements.filter { $0.classification == .unclassified }.count
        context.findings.technical.append(
            TechnicalNote(
                .limits,
                limitsUsed: TechnicalNote.LimitsUsed(
                    preference: context.preference, lab: lab, published: all.count - lab, unclassified: unclassified)))
    }
}
