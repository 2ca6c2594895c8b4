import EDXFindings
import EDXModel

/// How values, limits and needle grades are written in every table.
enum CellText {
    /// `5.2`, `0.7 L >=1.1`, `NR`, `NR >=4`: abnormal values carry their flag and the limit beside them.
    static func value(_ cell: ValueCell?) -> String {
        guard let cell else { return "" }
        let limit = cell.limit.map { " \(limitText($0))" } ?? ""
        if cell.noResponse { return cell.abnormal ? "NR\(limit)" : "NR" }
        guard let value = cell.value else { return "" }
        let number = Format.number(value)
        guard cell.abnormal else { return number }
        let flag = cell.classification == "low" ? "L" : "H"
        return "\(number) \(flag)\(limit)"
    }

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
        if let age = patient.ageYears { ageSex.append("\(Format.number(age)) years") }
        if let sex = patient.sex { ageSex.append(sex.rawValue) }
        let patientText =
            patient.deidentified ? "de-identified" + (patient.id.map { " (pseudonym \($0))" } ?? "") : patient.id
        let fields: [(String, String?)] = [
            ("Patient", patientText), ("Name", patient.name), ("Birth date", patient.birthDate),
            ("Age, sex", ageSex.joined(separator: ", ")),
            ("Height", patient.heightCm.map { "\(Format.number($0)) cm" }),
            ("Weight", patient.weightKg.map { "\(Format.number($0)) kg" }), ("Study", study.id),
            ("Study date", study.date), ("Referred by", study.referrer), ("Examiner", study.examiner),
            ("Indication", study.indication ?? "not recorded"),
            ("Symptom duration", study.symptomDurationDays.map(duration)),
        ]
        return fields.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
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

    static let valueLegend =
        "L/H: below/above the limit shown (>= lower, <= upper limit): the lab's where the export has it, "
        + "else the published one (sources in the JSON report). NR: no response. Values without a flag and "
        + "limit are normal or have no reference value (see technical notes)."

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
