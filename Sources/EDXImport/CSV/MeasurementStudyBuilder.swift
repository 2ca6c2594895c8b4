import EDXModel

/// Assembles one study from its measurement rows, in any row order.
struct MeasurementStudyBuilder {
    let id: String
    let file: String
    /// How names of nerves, sites and muscles are read.
    let names: NameResolver
    /// The demographics as the last row wrote them: rows repeat them, and the same text needs no
    /// reading again.
    private var lastDateText = "", lastPatientText = "", lastAgeText = "", lastSexText = "", lastHeightText = ""
    /// The first line of each row read, by its content: a row given again is a copy.
    private var rowLines: [RowContent: Int] = [:]
    let firstLine: Int
    var lastLine: Int
    private var study: Study
    private var log = DiagnosticLog()
    /// Index of each conduction study by nerve, side and recording (comparison keys).
    private var motorIndex: [String: Int] = [:]
    private var sensoryIndex: [String: Int] = [:]
    private var fWaveIndex: [String: Int] = [:]
    private var hReflexIndex: [String: Int] = [:]
    private var needleIndex: [String: Int] = [:]
    /// The line that first set each value, for conflict messages.
    private var firstLines: [String: Int] = [:]

    init(id: String, file: String, line: Int, names: NameResolver = .builtIn) {
        self.id = id
        self.file = file
        self.names = names
        self.firstLine = line
        self.lastLine = line
        self.study = Study(id: id, source: SourceLocation(file: file, line: line))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        log.items.append(diagnostic)
    }

    func finish() -> ImportedStudy {
        var study = study
        var log = log
        // A no-response site keeps no values.
        for m in study.motor.indices {
            for s in study.motor[m].sites.indices where study.motor[m].sites[s].noResponse {
                let site = study.motor[m].sites[s]
                if site.latencyMs != nil || site.amplitudeMV != nil {
                    log.report(.noResponseWithValues(.measurementsCSV), at: site.source, field: "no_response")
                }
                study.motor[m].sites[s].latencyMs = nil
                study.motor[m].sites[s].amplitudeMV = nil
                study.motor[m].sites[s].durationMs = nil
                study.motor[m].sites[s].areaMVms = nil
            }
        }
        for n in study.sensory.indices {
            for s in study.sensory[n].sites.indices where study.sensory[n].sites[s].noResponse {
                let site = study.sensory[n].sites[s]
                if site.amplitudeUV != nil || site.onsetLatencyMs != nil {
                    log.report(.noResponseWithValues(.measurementsCSV), at: site.source, field: "no_response")
                }
                study.sensory[n].sites[s].amplitudeUV = nil
                study.sensory[n].sites[s].onsetLatencyMs = nil
                study.sensory[n].sites[s].peakLatencyMs = nil
                study.sensory[n].sites[s].velocityMS = nil
            }
        }
        var diagnostics = log.items
        for index in diagnostics.indices { diagnostics[index].studyID = id }
        let rejected = log.hasErrors
        return ImportedStudy(
            status: rejected ? .rejected : .imported, study: rejected ? nil : study, studyID: id,
            location: study.source, diagnostics: diagnostics)
    }

    private func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    mutating func addRow(_ row: MeasurementRow, decimalComma: Bool) {
        let location = at(row.line)
        if let firstLine = rowLines[RowContent(row)] {
            log.report(.duplicate(.measurementRow, firstLine: firstLine), at: location, field: row.parameter)
            return
        }
        rowLines[RowContent(row)] = row.line
        readDemographics(row, decimalComma: decimalComma)
        let parameter = row.parameter.lowercased()
        let kind = row.kind.lowercased()
        // A row without a value is data the export lost (a comment or an indication excepted, which
        // carry none when there is nothing to say).
        if row.value.isEmpty, Self.kinds.contains(kind), parameter != "comment", parameter != "indication" {
            log.report(.emptyValue(.measurementsCSV), at: location, field: row.parameter)
            return
        }
        switch kind {
        case "motor": motorRow(row, parameter, decimalComma: decimalComma)
        case "sensory": sensoryRow(row, parameter, decimalComma: decimalComma)
        case "fwave", "f-wave", "f_wave": fWaveRow(row, parameter, decimalComma: decimalComma)
        case "hreflex", "h-reflex", "h_reflex": hReflexRow(row, parameter, decimalComma: decimalComma)
        case "needle", "emg": needleRow(row, parameter)
        case "temperature":
            guard parameter == "temperature" else { return unknownParameter(row) }
            var side: Side?
            if !row.side.isEmpty {
                side = Lexicon.side(row.side)
                if side == nil {
                    log.report(.unknownTemperatureSide(row.side), at: location, field: "side")
                    return
                }
            }
            if let celsius = log.quantity(
                row.value, unit: row.unit, .temperature, field: "temperature", at: location, decimalComma: decimalComma)
            {
                study.temperatures.append(
                    LimbTemperature(side: side, site: row.site.lowercased(), celsius: celsius, source: location))
            }
        case "demographic":
            switch parameter {
            case "symptom_duration":
                let days = log.quantity(
                    row.value, unit: row.unit, .symptomDuration, field: parameter, at: location,
                    decimalComma: decimalComma)
                Self.assign(
                    days, to: &study.symptomDurationDays, key: "symptom_duration", row: row, file: file, log: &log,
                    firstLines: &firstLines)
            case "weight":
                // A demographic, like age and height: a second weight keeps the first, with a warning.
                let weight = log.quantity(
                    row.value, unit: row.unit, .weight, field: parameter, at: location, decimalComma: decimalComma)
                log.keepFirst(
                    &study.patient.weightKg, weight, field: row.parameter, at: location, firstLine: firstLines["weight"]
                )
                if firstLines["weight"] == nil && weight != nil { firstLines["weight"] = row.line }
            case "indication":
                study.indication = row.value.isEmpty ? nil : row.value
            default:
                unknownParameter(row)
            }
        default:
            log.report(.unknownKind(row.kind), at: location, field: "kind")
        }
    }

    /// The kinds of row edx reads.
    private static let kinds: Set<String> = [
        "motor", "sensory", "fwave", "f-wave", "f_wave", "hreflex", "h-reflex", "h_reflex", "needle", "emg",
        "temperature", "demographic",
    ]

    /// Stores `value` in `slot`, reporting a conflict with a value the same slot already holds. A
    /// static function over the fields it touches: key paths into nested arrays would be built at
    /// run time for every row, which was a third of the import time.
    private static func assign<Value: Equatable>(
        _ value: Value?, to slot: inout Value?, key: String, row: MeasurementRow, file: String,
        log: inout DiagnosticLog, firstLines: inout [String: Int]
    ) {
        log.assign(
            &slot, value, field: row.parameter, at: SourceLocation(file: file, line: row.line),
            firstLine: firstLines[key])
        if firstLines[key] == nil && value != nil { firstLines[key] = row.line }
    }

    private mutating func unknownParameter(_ row: MeasurementRow) {
        log.report(.unknownParameter(row.parameter, kind: row.kind), at: at(row.line), field: "parameter")
    }

    private mutating func readDemographics(_ row: MeasurementRow, decimalComma: Bool) {
        let location = at(row.line)
        // Demographics repeat on every row: the same text as the row before needs no reading. The
        // first value of each is kept; a different later one is reported (and the study imported), a
        // second patient id rejects the study.
        if !row.studyDate.isEmpty, row.studyDate != lastDateText {
            lastDateText = row.studyDate
            var date: String?
            let reading = ValueParsing.date(row.studyDate)
            if case .date(let iso) = reading {
                date = iso
            } else if firstLines["bad study_date"] == nil {
                // Reported once: the rows of a study repeat its date.
                firstLines["bad study_date"] = row.line
                let fault: ImportProblem.DateFault = reading == .notOnCalendar ? .notOnCalendar : .unreadable
                log.report(.badDate(.study, fault, isoOnly: false), at: location, field: "study_date")
            }
            log.keepFirst(&study.date, date, field: "study_date", at: location, firstLine: firstLines["study_date"])
            if firstLines["study_date"] == nil && date != nil { firstLines["study_date"] = row.line }
        }
        if !row.patientID.isEmpty, row.patientID != lastPatientText {
            lastPatientText = row.patientID
            if study.patient.id == nil {
                study.patient.id = row.patientID
            } else if study.patient.id != row.patientID {
                log.report(.differentPatients, at: location, field: "patient_id")
            }
        }
        if !row.age.isEmpty, row.age != lastAgeText {
            lastAgeText = row.age
            let age = log.quantity(
                row.age, unit: "years", .age, field: "age_years", at: location, decimalComma: decimalComma)
            log.keepFirst(&study.patient.ageYears, age, field: "age_years", at: location, firstLine: firstLines["age"])
            if firstLines["age"] == nil && age != nil { firstLines["age"] = row.line }
        }
        if !row.sex.isEmpty, row.sex != lastSexText {
            lastSexText = row.sex
            let sex = log.category(row.sex, field: "sex", at: location, expected: .sex, ValueParsing.sex)
            log.keepFirst(&study.patient.sex, sex, field: "sex", at: location, firstLine: firstLines["sex"])
            if firstLines["sex"] == nil && sex != nil { firstLines["sex"] = row.line }
        }
        if !row.height.isEmpty, row.height != lastHeightText {
            lastHeightText = row.height
            let height = log.quantity(
                row.height, unit: "cm", .height, field: "height_cm", at: location, decimalComma: decimalComma)
            log.keepFirst(
                &study.patient.heightCm, height, field: "height_cm", at: location, firstLine: firstLines["height"])
            if firstLines["height"] == nil && height != nil { firstLines["height"] = row.line }
        }
    }

    private mutating func requireSide(_ row: MeasurementRow) -> Side? {
        if let side = Lexicon.side(row.side) { return side }
        log.report(.unknownRowSide(row.side, expected: .measurementSide), at: at(row.line), field: "side")
        return nil
    }

    private mutating func nerve(_ row: MeasurementRow) -> Nerve? {
        let nerve = names.nerve(row.nerve)
        if nerve == nil, firstLines["nerve:\(Lexicon.key(row.nerve))"] == nil {
            firstLines["nerve:\(Lexicon.key(row.nerve))"] = row.line
            log.report(.unknownNerve(row.nerve), at: at(row.line), field: "nerve")
        }
        return nerve
    }

    private mutating func stimulationSite(_ label: String, nerve: Nerve?, row: MeasurementRow) -> StimulationSite? {
        let site = names.stimulationSite(label, nerve: nerve)
        if site == nil, firstLines["site:\(Lexicon.key(label))"] == nil {
            firstLines["site:\(Lexicon.key(label))"] = row.line
            log.report(.unknownStimulationSite(label), at: at(row.line), field: "site")
        }
        return site
    }

    private mutating func recording(_ label: String, nerve: Nerve?, row: MeasurementRow) -> RecordingSite? {
        guard !label.isEmpty else { return nil }
        let site = names.recordingSite(label, nerve: nerve)
        if site == nil, firstLines["recording:\(Lexicon.key(label))"] == nil {
            firstLines["recording:\(Lexicon.key(label))"] = row.line
            log.report(.unknownRecordingSite(label), at: at(row.line), field: "recording")
        }
        return site
    }

    /// Two spellings of one site ("Tobillo", "Ankle") are one site: the canonical name when known.
    private static func siteKey(_ label: String, nerve: Nerve?, names: NameResolver) -> String {
        names.stimulationSite(label, nerve: nerve).map { "=" + $0.rawValue } ?? Lexicon.key(label)
    }

    private func conductionKey(_ row: MeasurementRow, _ side: Side) -> String {
        "\(Lexicon.key(row.nerve))|\(side.rawValue)|\(Lexicon.key(row.recording))"
    }

    private mutating func noResponseFlag(_ row: MeasurementRow) -> Bool? {
        guard let flag = ValueParsing.flag(row.value) else {
            log.report(.notAFlag(row.value), at: at(row.line), field: "no_response")
            return nil
        }
        return flag
    }

    // MARK: Motor

    private mutating func motorRow(_ row: MeasurementRow, _ parameter: String, decimalComma: Bool) {
        guard let side = requireSide(row) else { return }
        let key = conductionKey(row, side)
        let m: Int
        if let existing = motorIndex[key] {
            m = existing
        } else {
            let mapped = nerve(row)
            study.motor.append(
                MotorStudy(
                    nerve: mapped, nerveLabel: row.nerve, side: side,
                    recording: recording(row.recording, nerve: mapped, row: row), recordingLabel: row.recording,
                    source: at(row.line)))
            m = study.motor.count - 1
            motorIndex[key] = m
        }
        ValueParsing.keepComment(row.comment, in: &study.motor[m].comment)
        let nerve = study.motor[m].nerve
        let location = at(row.line)
        func quantity(_ q: Quantity) -> Double? {
            log.quantity(row.value, unit: row.unit, q, field: parameter, at: location, decimalComma: decimalComma)
        }
        if !row.segmentTo.isEmpty {
            guard parameter == "distance" || parameter == "velocity" else {
                log.report(.segmentParameter(row.parameter), at: location, field: "segment_to")
                return
            }
            let fromKey = Self.siteKey(row.site, nerve: nerve, names: names)
            let toKey = Self.siteKey(row.segmentTo, nerve: nerve, names: names)
            var s = study.motor[m].segments.firstIndex {
                Self.siteKey($0.fromLabel, nerve: nerve, names: names) == fromKey
                    && Self.siteKey($0.toLabel, nerve: nerve, names: names) == toKey
            }
            if s == nil {
                study.motor[m].segments.append(
                    Segment(
                        from: stimulationSite(row.site, nerve: nerve, row: row), fromLabel: row.site,
                        to: stimulationSite(row.segmentTo, nerve: nerve, row: row), toLabel: row.segmentTo,
                        source: location))
                s = study.motor[m].segments.count - 1
            }
            guard let s else { return }
            let slotKey = "motor|\(m)|segment|\(s)|\(parameter)"
            if parameter == "distance" {
                Self.assign(
                    quantity(.distance), to: &study.motor[m].segments[s].distanceCm, key: slotKey, row: row, file: file,
                    log: &log, firstLines: &firstLines)
            } else {
                Self.assign(
                    quantity(.velocity), to: &study.motor[m].segments[s].velocityMS, key: slotKey, row: row, file: file,
                    log: &log, firstLines: &firstLines)
            }
            return
        }
        let siteKey = Self.siteKey(row.site, nerve: nerve, names: names)
        var s = study.motor[m].sites.firstIndex { Self.siteKey($0.siteLabel, nerve: nerve, names: names) == siteKey }
        if s == nil {
            study.motor[m].sites.append(
                MotorSite(
                    site: stimulationSite(row.site, nerve: nerve, row: row), siteLabel: row.site, source: location))
            s = study.motor[m].sites.count - 1
        }
        guard let s else { return }
        let slotKey = "motor|\(m)|site|\(s)|\(parameter)"
        switch parameter {
        case "latency", "onset_latency":
            Self.assign(
                quantity(.time), to: &study.motor[m].sites[s].latencyMs, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "amplitude":
            Self.assign(
                quantity(.motorAmplitude), to: &study.motor[m].sites[s].amplitudeMV, key: slotKey, row: row, file: file,
                log: &log, firstLines: &firstLines)
        case "duration":
            Self.assign(
                quantity(.time), to: &study.motor[m].sites[s].durationMs, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "area":
            Self.assign(
                quantity(.area), to: &study.motor[m].sites[s].areaMVms, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "distance":
            Self.assign(
                quantity(.distance), to: &study.motor[m].sites[s].distanceCm, key: slotKey, row: row, file: file,
                log: &log, firstLines: &firstLines)
        case "no_response":
            if let flag = noResponseFlag(row) { study.motor[m].sites[s].noResponse = flag }
        case "velocity":
            log.report(.velocityWithoutSegmentTo, at: location, field: "segment_to")
        default: unknownParameter(row)
        }
    }

    // MARK: Sensory

    private mutating func sensoryRow(_ row: MeasurementRow, _ parameter: String, decimalComma: Bool) {
        guard let side = requireSide(row) else { return }
        let key = conductionKey(row, side)
        let n: Int
        if let existing = sensoryIndex[key] {
            n = existing
        } else {
            let mapped = nerve(row)
            study.sensory.append(
                SensoryStudy(
                    nerve: mapped, nerveLabel: row.nerve, side: side,
                    recording: recording(row.recording, nerve: mapped, row: row), recordingLabel: row.recording,
                    method: nil, source: at(row.line)))
            n = study.sensory.count - 1
            sensoryIndex[key] = n
        }
        ValueParsing.keepComment(row.comment, in: &study.sensory[n].comment)
        let location = at(row.line)
        let sensoryNerve = study.sensory[n].nerve
        let siteKey = Self.siteKey(row.site, nerve: sensoryNerve, names: names)
        var s = study.sensory[n].sites.firstIndex {
            Self.siteKey($0.siteLabel, nerve: sensoryNerve, names: names) == siteKey
        }
        if s == nil {
            study.sensory[n].sites.append(
                SensorySite(
                    site: stimulationSite(row.site, nerve: study.sensory[n].nerve, row: row), siteLabel: row.site,
                    source: location))
            s = study.sensory[n].sites.count - 1
        }
        guard let s else { return }
        func quantity(_ q: Quantity) -> Double? {
            log.quantity(row.value, unit: row.unit, q, field: parameter, at: location, decimalComma: decimalComma)
        }
        let slotKey = "sensory|\(n)|site|\(s)|\(parameter)"
        switch parameter {
        case "latency", "onset_latency":
            Self.assign(
                quantity(.time), to: &study.sensory[n].sites[s].onsetLatencyMs, key: slotKey, row: row, file: file,
                log: &log, firstLines: &firstLines)
        case "peak_latency":
            Self.assign(
                quantity(.time), to: &study.sensory[n].sites[s].peakLatencyMs, key: slotKey, row: row, file: file,
                log: &log, firstLines: &firstLines)
        case "amplitude":
            Self.assign(
                quantity(.sensoryAmplitude), to: &study.sensory[n].sites[s].amplitudeUV, key: slotKey, row: row,
                file: file, log: &log, firstLines: &firstLines)
        case "distance":
            Self.assign(
                quantity(.distance), to: &study.sensory[n].sites[s].distanceCm, key: slotKey, row: row, file: file,
                log: &log, firstLines: &firstLines)
        case "velocity":
            Self.assign(
                quantity(.velocity), to: &study.sensory[n].sites[s].velocityMS, key: slotKey, row: row, file: file,
                log: &log, firstLines: &firstLines)
        case "no_response":
            if let flag = noResponseFlag(row) { study.sensory[n].sites[s].noResponse = flag }
        default: unknownParameter(row)
        }
    }

    // MARK: Late responses

    private mutating func fWaveRow(_ row: MeasurementRow, _ parameter: String, decimalComma: Bool) {
        guard let side = requireSide(row) else { return }
        let key = conductionKey(row, side)
        let f: Int
        if let existing = fWaveIndex[key] {
            f = existing
        } else {
            let mapped = nerve(row)
            study.fWaves.append(
                FWaveStudy(
                    nerve: mapped, nerveLabel: row.nerve, side: side,
                    recording: recording(row.recording, nerve: mapped, row: row), recordingLabel: row.recording,
                    source: at(row.line)))
            f = study.fWaves.count - 1
            fWaveIndex[key] = f
        }
        ValueParsing.keepComment(row.comment, in: &study.fWaves[f].comment)
        let location = at(row.line)
        let slotKey = "fwave|\(f)|\(parameter)"
        switch parameter {
        case "min_latency", "latency":
            Self.assign(
                log.quantity(
                    row.value, unit: row.unit, .time, field: parameter, at: location, decimalComma: decimalComma),
                to: &study.fWaves[f].minLatencyMs, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "persistence":
            Self.assign(
                log.quantity(
                    row.value, unit: row.unit, .percent, field: parameter, at: location, decimalComma: decimalComma),
                to: &study.fWaves[f].persistencePercent, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "no_response":
            if let flag = noResponseFlag(row) { study.fWaves[f].noResponse = flag }
        default: unknownParameter(row)
        }
    }

    private mutating func hReflexRow(_ row: MeasurementRow, _ parameter: String, decimalComma: Bool) {
        guard let side = requireSide(row) else { return }
        let key = conductionKey(row, side)
        let h: Int
        if let existing = hReflexIndex[key] {
            h = existing
        } else {
            let mapped = nerve(row)
            study.hReflexes.append(
                HReflexStudy(
                    nerve: mapped, nerveLabel: row.nerve, side: side,
                    recording: recording(row.recording, nerve: mapped, row: row), recordingLabel: row.recording,
                    source: at(row.line)))
            h = study.hReflexes.count - 1
            hReflexIndex[key] = h
        }
        ValueParsing.keepComment(row.comment, in: &study.hReflexes[h].comment)
        let location = at(row.line)
        let slotKey = "hreflex|\(h)|\(parameter)"
        switch parameter {
        case "latency":
            Self.assign(
                log.quantity(
                    row.value, unit: row.unit, .time, field: parameter, at: location, decimalComma: decimalComma),
                to: &study.hReflexes[h].latencyMs, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "amplitude":
            Self.assign(
                log.quantity(
                    row.value, unit: row.unit, .motorAmplitude, field: parameter, at: location,
                    decimalComma: decimalComma), to: &study.hReflexes[h].amplitudeMV, key: slotKey, row: row,
                file: file, log: &log, firstLines: &firstLines)
        case "no_response":
            if let flag = noResponseFlag(row) { study.hReflexes[h].noResponse = flag }
        default: unknownParameter(row)
        }
    }

    // MARK: Needle

    private mutating func needleRow(_ row: MeasurementRow, _ parameter: String) {
        guard let side = requireSide(row) else { return }
        let key = "\(Lexicon.key(row.nerve))|\(side.rawValue)"
        let location = at(row.line)
        let i: Int
        if let existing = needleIndex[key] {
            i = existing
        } else {
            let muscle = names.muscle(row.nerve)
            if muscle == nil {
                log.report(.unknownMuscle(row.nerve), at: location, field: "nerve")
            }
            study.needle.append(NeedleExam(muscle: muscle, muscleLabel: row.nerve, side: side, source: location))
            i = study.needle.count - 1
            needleIndex[key] = i
        }
        ValueParsing.keepComment(row.comment, in: &study.needle[i].comment)
        let slotKey = "needle|\(i)|\(parameter)"
        switch parameter {
        case "insertional":
            Self.assign(
                log.category(
                    row.value, field: parameter, at: location, expected: .abbreviatedActivity, Lexicon.activity),
                to: &study.needle[i].insertionalActivity, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "fibrillations":
            Self.assign(
                log.category(
                    row.value, field: parameter, at: location, expected: .spontaneousGrade, Lexicon.spontaneousGrade),
                to: &study.needle[i].fibrillations, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "psw":
            Self.assign(
                log.category(
                    row.value, field: parameter, at: location, expected: .spontaneousGrade, Lexicon.spontaneousGrade),
                to: &study.needle[i].positiveSharpWaves, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "fasciculations":
            Self.assign(
                log.category(
                    row.value, field: parameter, at: location, expected: .spontaneousGrade, Lexicon.spontaneousGrade),
                to: &study.needle[i].fasciculations, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "muap_amplitude":
            Self.assign(
                log.category(
                    row.value, field: parameter, at: location, expected: .abbreviatedActivity, Lexicon.activity),
                to: &study.needle[i].muapAmplitude, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "muap_duration":
            Self.assign(
                log.category(
                    row.value, field: parameter, at: location, expected: .abbreviatedActivity, Lexicon.activity),
                to: &study.needle[i].muapDuration, key: slotKey, row: row, file: file, log: &log,
                firstLines: &firstLines)
        case "polyphasia":
            if let (change, grade) = log.category(
                row.value, field: parameter, at: location, expected: .abbreviatedPolyphasia, Lexicon.polyphasia)
            {
                Self.assign(
                    change, to: &study.needle[i].polyphasia, key: slotKey, row: row, file: file, log: &log,
                    firstLines: &firstLines)
                study.needle[i].polyphasiaGrade = grade
            }
        case "recruitment":
            Self.assign(
                log.category(
                    row.value, field: parameter, at: location, expected: .abbreviatedRecruitment,
                    Lexicon.recruitment), to: &study.needle[i].recruitment, key: slotKey, row: row, file: file,
                log: &log, firstLines: &firstLines)
        case "comment":
            ValueParsing.keepComment(row.value, in: &study.needle[i].comment)
        default: unknownParameter(row)
        }
    }
}

/// A row's content without its line: two rows with the same content are one row given twice.
private struct RowContent: Hashable {
    let row: MeasurementRow

    init(_ row: MeasurementRow) { self.row = row }

    static func == (a: Self, b: Self) -> Bool {
        let (x, y) = (a.row, b.row)
        return x.value == y.value && x.parameter == y.parameter && x.site == y.site && x.nerve == y.nerve
            && x.side == y.side && x.kind == y.kind && x.unit == y.unit && x.segmentTo == y.segmentTo
            && x.recording == y.recording && x.studyDate == y.studyDate && x.patientID == y.patientID
            && x.age == y.age && x.sex == y.sex && x.height == y.height && x.comment == y.comment
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(row.kind)
        hasher.combine(row.nerve)
        hasher.combine(row.side)
        hasher.combine(row.site)
        hasher.combine(row.segmentTo)
        hasher.combine(row.parameter)
        hasher.combine(row.value)
    }
}
