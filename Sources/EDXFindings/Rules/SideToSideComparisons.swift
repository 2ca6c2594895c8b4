import EDXModel
import EDXReference

/// Compares each value with the same value of the other side, where a side-to-side limit is
/// published: amplitude drop, latency and velocity differences (evidence §1.1-1.8).
struct SideToSideComparisons: StudyRule {
    static let compared: [Measure] = [
        .amplitude, .distalLatency, .legVelocity, .peakLatency, .hLatency, .fMinimumLatency,
    ]

    func apply(to context: inout Context) {
        var seen = Set<FindingID>()
        for left in context.findings.measurements where left.side == .left && Self.compared.contains(left.measure) {
            guard seen.insert(left.id).inserted,
                let right = context.findings.measurements.first(where: {
                    $0.side == .right && $0.study == left.study && $0.site == left.site && $0.measure == left.measure
                })
            else { continue }
            if let comparison = Self.compare(left: left, right: right, context.covariates) {
                context.findings.comparisons.append(comparison)
            }
        }
    }

    static func compare(left: MeasurementFinding, right: MeasurementFinding, _ covariates: Covariates)
        -> SideComparison?
    {
        let measure: Measure =
            switch left.measure {
            case .amplitude: .amplitudeDrop
            case .legVelocity: .velocityDifference
            default: .latencyDifference
            }
        // Sural side-to-side latency limits are published for peak latency only.
        if left.referenceStudy == .sural && left.measure != .peakLatency && measure == .latencyDifference { return nil }
        guard let reference = left.referenceStudy,
            let limit = ReferenceValues.limit(
                reference, measure, ageYears: covariates.ageYears, heightCm: covariates.heightCm)
        else { return nil }
        let leftValue = left.value ?? 0
        let rightValue = right.value ?? 0
        if measure != .amplitudeDrop && (left.value == nil || right.value == nil) { return nil }
        let difference: Double
        let worse: Side
        switch measure {
        case .amplitudeDrop:
            let larger = max(leftValue, rightValue)
            guard larger > 0 else { return nil }
            difference = Context.percentChange(min(leftValue, rightValue), from: larger)
            worse = leftValue < rightValue ? .left : .right
        case .velocityDifference:
            difference = (abs(leftValue - rightValue) * 100).rounded() / 100
            worse = leftValue < rightValue ? .left : .right
        default:
            difference = (abs(leftValue - rightValue) * 100).rounded() / 100
            worse = leftValue > rightValue ? .left : .right
        }
        let applied = AppliedLimit(
            origin: .published, bound: .upper, value: limit.value, unit: limit.unit, band: limit.band,
            label: limit.citation.description, citation: limit.citation, assumptions: limit.assumptions)
        return SideComparison(
            id: .comparison(left.study, left.site, left.measure), study: left.study, site: left.site,
            valueMeasure: left.measure, measure: measure, left: leftValue, right: rightValue, leftValue: left.value,
            rightValue: right.value, valueUnit: left.unit, difference: difference, unit: limit.unit, limit: applied,
            abnormal: difference > limit.value, worseSide: worse)
    }
}
