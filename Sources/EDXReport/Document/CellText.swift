import EDXFindings
import EDXModel

/// How values, limits and needle grades are written in every table.
enum CellText {
    /// A value in the three parts every table shows, as a clinical laboratory report reads: the value,
    /// its flag (`L` below, `H` above the limit) and its limit (`>=1.1`); `none` where no lab or
    /// published limit exists, `-` where edx does not judge the value on its own (proximal sites,
    /// areas). No response is `NR`, with the limit where its absence was judged. Nil: nothing to show.
    static func parts(_ cell: ValueCell?) -> (value: String, marks: String, limit: String)? {
        guard let cell else { return nil }
        let limit = cell.limit.map(limitText) ?? (cell.classification == "unclassified" ? noLimit : notJudged)
        if cell.noResponse {
            // An absent response judged without a limit (none is published) says so; an absent
            // latency or duration is not a value and shows no limit.
            return ("NR", "", cell.classification == nil ? "" : cell.limit.map(limitText) ?? noLimit)
        }
        guard let value = cell.value else { return nil }
        let flag = cell.abnormal ? (cell.classification == "low" ? "L" : "H") : ""
        // `c`: judged after the correction for a cool limb, so the value as measured may lie beyond the limit.
        let marks = [cell.temperatureCorrection == nil ? "" : "c", flag].filter { !$0.isEmpty }
        return (Format.number(value), marks.joined(separator: " "), limit)
    }

    /// `5.2 <=6.5`, `0.7 L >=1.1`, `11.6 -`, `50 none`, `NR >=4`: a value with its flag and limit.
    static func value(_ cell: ValueCell?) -> String {
        guard let parts = parts(cell) else { return "" }
        return [parts.value, parts.marks, parts.limit].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A value for a printed table, whose parts the table aligns with those of the other rows.
    static func measured(_ cell: ValueCell?) -> String {
        guard let parts = parts(cell) else { return "" }
        return TextTable.measured(parts.value, parts.marks, parts.limit)
    }

    /// The limit of a value that has no lab or published limit.
    static let noLimit = "none"
    /// The limit of a value that edx does not judge on its own.
    static let notJudged = "-"

    /// `>=1.1` or `<=6.5`.
    static func limitText(_ limit: LimitCell) -> String {
        "\(limit.bound == "lower" ? ">=" : "<=")\(Format.number(limit.value))"
    }

    /// The demographics and indication, as label and value, in the order every format shows them;
    /// fields without a value are left out.
    static func demographics(_ report: StudyReport) -> [(label: String, value: String)] {
        let patient = report.patient
        let study = report.study
        var ageSex: [String] = []
        if patient.ageOver89 == true {
            ageSex.append("90 years or older")
        } else if let age = patient.ageYears {
            ageSex.append("\(Format.number(age)) years")
        }
        if let sex = patient.sex { ageSex.append(sex.rawValue) }
        let patientText =
            patient.deidentified ? "de-identified" + (patient.id.map { " (pseudonym \($0))" } ?? "") : patient.id
        let fields: [(String, String?)] = [
            ("Patient", patientText), ("Name", patient.name), ("Birth date", patient.birthDate),
            ("Age, sex", ageSex.joined(separator: ", ")),
            ("Height", patient.heightCm.map { "\(Format.number($0)) cm" }),
            ("Weight", patient.weightKg.map { "\(Format.number($0)) kg" }), ("Study", study.id),
            ("Study date", study.date), ("Referred by", study.referrer), ("Examiner", study.examiner),
        ]
        return fields.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
    }

    /// The history and examination the export carries; "not recorded" for what it does not (the
    /// electromyographer's own history and examination belong here, S129).
    static func history(_ report: StudyReport) -> [(label: String, value: String)] {
        let study = report.study
        return [
            ("Indication", study.indication.flatMap { $0.isEmpty ? nil : $0 } ?? "not recorded"),
            ("Symptom duration", study.symptomDurationDays.map(duration) ?? "not recorded"),
            ("Examination", "not recorded in the export"),
        ]
    }

    /// `left foot 31.5 °C (cool)`, one per recorded limb temperature.
    static func temperatures(_ report: StudyReport) -> [String] {
        report.technical.temperatures.map { row in
            let side = row.side.map { "\($0.rawValue) " } ?? ""
            return "\(side)\(row.site) \(Format.number(row.celsius)) °C\(row.cool ? " (cool)" : "")"
        }
    }

    static func number(_ value: Double?) -> String { value.map { Format.number($0) } ?? "" }

    static func percentChange(_ value: Double?) -> String {
        guard let value else { return "" }
        let rounded = Int(value.rounded())
        return rounded > 0 ? "+\(rounded)%" : "\(rounded)%"
    }

    /// Needle activity in a narrow column: `N`, `inc`, `dec`.
    static func activity(_ value: String?) -> String {
        switch value {
        case "normal": "N"
        case "increased": "inc"
        case "decreased": "dec"
        case let other?: other
        case nil: ""
        }
    }

    static func recruitment(_ value: String?) -> String {
        switch value {
        case "normal": "N"
        case "mildly-reduced": "mild red"
        case let other?: other
        case nil: ""
        }
    }

    static func side(_ side: String) -> String { side == "left" ? "L" : "R" }

    /// A comment of the export, under the row or study it belongs to.
    static func comment(_ text: String) -> String { "Comment: \(text)" }

    /// The legend of the value cells; the `c` mark is explained where the report has corrected values.
    static func valueLegend(_ report: StudyReport) -> String {
        let cells =
            report.motor.flatMap { [$0.latency, $0.amplitude, $0.duration, $0.area, $0.velocity] }
            + report.sensory.flatMap { [$0.onsetLatency, $0.peakLatency, $0.amplitude, $0.velocity] }
            + report.lateResponses.flatMap { [$0.latency, $0.amplitude, $0.sideDifference] }
        let corrected = cells.contains { $0?.temperatureCorrection != nil }
        return "Each value is followed by its flag and its reference limit (>= lower, <= upper limit): the lab's "
            + "where the export has it, else the published one (sources under Technical notes). L/H: below/above "
            + "the limit. none: no lab or published limit exists for the value; it is reported without a "
            + "judgement. -: not judged against a limit of its own (proximal sites are judged by the amplitude "
            + "change and the block criteria; areas and exported differences are not judged). "
            + (corrected
                ? "c: measured in a cool limb and judged after correction to the reference temperature (the "
                    + "corrected values are under Technical notes). " : "")
            + "NR: no response."
    }

    static let sideToSideLegend =
        "Both sides compared where both were studied, against the published side-to-side limits: an "
        + "amplitude as the share of the larger response that the smaller keeps, a latency or velocity as the "
        + "difference. * marks a comparison outside its limit."

    static let needleLegend =
        "Ins insertional activity; Fib fibrillation potentials; PSW positive sharp waves; Fasc "
        + "fasciculations, graded 0, +/-, 1+ to 4+. MUAP amplitude and duration, Poly polyphasia: N normal, "
        + "inc increased, dec decreased (or a grade, as exported). Roots: main root first, minor roots in "
        + "parentheses. * marks a muscle with neurogenic findings."

    /// `5 days`, `4 weeks (28 days)`, `3 months (91 days)`, `3 years`.
    static func duration(_ days: Double) -> String {
        let whole = Format.number(days, digits: 0)
        if days < 14 { return "\(whole) day\(whole == "1" ? "" : "s")" }
        if days < 90 { return "\(Format.number(days / 7, digits: 0)) weeks (\(whole) days)" }
        if days < 730 { return "\(Format.number(days / 30.44, digits: 0)) months (\(whole) days)" }
        return "\(Format.number(days / 365.25, digits: 1)) years"
    }
}
