import EDXReference

/// Notes what the interpretation had to assume: a missing age, height, symptom duration or limb
/// temperature; a cool limb; a study too early for amplitudes to measure axon loss (evidence §2, evidence §3.3).
struct CovariateNotes: StudyRule {
    func apply(to context: inout Context) {
        let covariates = context.covariates
        if covariates.ageYears == nil { context.findings.technical.append(TechnicalNote(.ageMissing)) }
        if covariates.heightCm == nil { context.findings.technical.append(TechnicalNote(.heightMissing)) }
        if covariates.symptomDurationDays == nil {
            context.findings.technical.append(TechnicalNote(.durationMissing))
        }
        if let days = context.withinMotorWallerianWindow, context.hasConductionStudies {
            context.findings.technical.append(
                TechnicalNote(.tooEarlyForAxonLoss, days: days, citation: Criteria.wallerianMotorDays.citation))
        }
        for side in context.studiedSides {
            guard let celsius = covariates.temperature(side) else {
                context.findings.technical.append(
                    TechnicalNote(.temperatureMissing, side: side, citation: Criteria.coolFoot.citation))
                continue
            }
            if celsius < Criteria.coolFoot.value {
                context.findings.technical.append(
                    TechnicalNote(.coolLimb, side: side, celsius: celsius, citation: Criteria.coolFoot.citation))
            }
        }
    }
}
