import EDXModel
import XMLStreaming

/// Builds one ``Study`` from the events between `<EDXStudy>` and `</EDXStudy>`.
struct XMLStudyBuilder {
    /// Where the reader is in the study, with the entry being built there: an entry exists exactly
    /// while its element is open, and a site or segment is always built inside its nerve study.
    private enum Position {
        /// Directly inside `<EDXStudy>`.
        case study
        case patient, studyInfo, nerveConduction, needleEMG
        case motor(MotorStudy)
        case motorSite(MotorStudy, MotorSite)
        case segment(MotorStudy, Segment)
        case sensory(SensoryStudy)
        case sensorySite(SensoryStudy, SensorySite)
        case fWave(FWaveStudy)
        case hReflex(HReflexStudy)
        case muscle(NeedleExam)
    }

    let file: String
    /// How names of nerves, sites and muscles are read.
    let names: NameResolver
    private(set) var inStudy = false
    private var study = Study(id: "", source: SourceLocation(file: "", line: 0))
    private var log = DiagnosticLog()
    private var position: Position = .study
    private var text = ""
    /// True when the current element held an entity reference, refused (and reported) in place of
    /// its text.
    private var textHadEntity = false
    private var leafAttributes: [XMLAttribute] = []
    private var leafLocation = SourceLocation(file: "", line: 0)
    private var skipUntilDepth: Int?
    /// The line of the first value of each patient and study field, for the messages of a second one.
    private var firstLines: [String: Int] = [:]

    init(file: String, names: NameResolver = .builtIn) {
        self.file = file
        self.names = names
    }

    // MARK: Study boundaries

    mutating func begin(at location: SourceLocation) {
        self = XMLStudyBuilder(file: file, names: names)
        inStudy = true
        study = Study(id: "", source: location)
    }

    mutating func finish() -> ImportedStudy {
        inStudy = false
        if study.id.isEmpty {
            log.report(.missingStudyID, at: study.source, field: "Study/ID")
        }
        return result()
    }

    /// Ends the study early because the document broke off; it is rejected with `diagnostic`.
    mutating func abandon(with diagnostic: Diagnostic) -> ImportedStudy {
        inStudy = false
        log.items.append(diagnostic)
        return result()
    }

    private func result() -> ImportedStudy {
        let id = study.id.isEmpty ? nil : study.id
        var diagnostics = log.items
        for index in diagnostics.indices { diagnostics[index].studyID = id }
        let rejected = diagnostics.contains { $0.severity == .error }
        return ImportedStudy(
            status: rejected ? .rejected : .imported, study: rejected ? nil : study, studyID: id,
            location: study.source, diagnostics: diagnostics)
    }

    /// Rejects the study with `diagnostic`, once for each code.
    mutating func rejectOnce(_ diagnostic: Diagnostic) {
        guard !log.items.contains(where: { $0.code == diagnostic.code }) else { return }
        log.items.append(diagnostic)
    }

    // MARK: Skipping unknown subtrees

    var isSkippingSubtree: Bool { skipUntilDepth != nil }

    mutating func skip(depth: Int, isEmpty: Bool) {
        if !isEmpty { skipUntilDepth = depth }
    }

    /// True while inside a skipped subtree (the closing tag of the subtree included).
    mutating func isSkipping(depth: Int, event: XMLEvent) -> Bool {
        guard let target = skipUntilDepth else { return false }
        if case .endElement = event, depth == target { skipUntilDepth = nil }
        return true
    }

    // MARK: Events

    mutating func handle(_ event: XMLEvent, at location: SourceLocation, depth: Int) {
        switch event {
        case .startElement(let name, let attributes, let isEmpty):
            text = ""
            textHadEntity = false
            start(name, attributes, isEmpty: isEmpty, at: location, depth: depth)
        case .text(let value):
            text += value
        case .entityReference(let name):
            textHadEntity = true
            log.report(.entity(name: name), at: location, field: name)
        case .endElement(let name):
            end(name)
        case .documentType:
            break
        }
    }

    private mutating func start(
        _ name: String, _ attributes: [XMLAttribute], isEmpty: Bool, at location: SourceLocation, depth: Int
    ) {
        func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
        let container: Position?
        switch (position, name) {
        case (.study, "Patient"): container = .patient
        case (.study, "Study"): container = .studyInfo
        case (.study, "NerveConduction"): container = .nerveConduction
        case (.study, "NeedleEMG"): container = .needleEMG
        case (.study, "Impression"): container = nil
        case (.nerveConduction, "Motor"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let (nerve, nerveLabel) = mapNerve(attribute("nerve"), at: location)
            let recordingLabel = attribute("recording") ?? ""
            container = .motor(
                MotorStudy(
                    nerve: nerve, nerveLabel: nerveLabel, side: side,
                    recording: mapRecording(recordingLabel, nerve: nerve, at: location),
                    recordingLabel: recordingLabel, source: location))
        case (.motor(let motor), "Site"):
            let label = attribute("name") ?? ""
            var site = MotorSite(
                site: mapSite(label, nerve: motor.nerve, at: location), siteLabel: label, source: location)
            site.noResponse = noResponse(attribute("noResponse"), at: location)
            container = .motorSite(motor, site)
        case (.motor(let motor), "Segment"):
            let from = attribute("from") ?? ""
            let to = attribute("to") ?? ""
            let segment = Segment(
                from: mapSite(from, nerve: motor.nerve, at: location), fromLabel: from,
                to: mapSite(to, nerve: motor.nerve, at: location), toLabel: to, source: location)
            container = .segment(motor, segment)
        case (.nerveConduction, "Sensory"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let (nerve, nerveLabel) = mapNerve(attribute("nerve"), at: location)
            let recordingLabel = attribute("recording") ?? ""
            var method: SensoryMethod?
            if let raw = attribute("method"), !raw.isEmpty {
                method = SensoryMethod(rawValue: raw.lowercased())
                if method == nil {
                    log.report(.unknownMethod(raw), at: location, field: "method")
                }
            }
            container = .sensory(
                SensoryStudy(
                    nerve: nerve, nerveLabel: nerveLabel, side: side,
                    recording: mapRecording(recordingLabel, nerve: nerve, at: location),
                    recordingLabel: recordingLabel, method: method, source: location))
        case (.sensory(let sensory), "Site"):
            let label = attribute("name") ?? ""
            var site = SensorySite(
                site: mapSite(label, nerve: sensory.nerve, at: location), siteLabel: label, source: location)
            site.noResponse = noResponse(attribute("noResponse"), at: location)
            container = .sensorySite(sensory, site)
        case (.nerveConduction, "FWave"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let (nerve, nerveLabel) = mapNerve(attribute("nerve"), at: location)
            let recordingLabel = attribute("recording") ?? ""
            var wave = FWaveStudy(
                nerve: nerve, nerveLabel: nerveLabel, side: side,
                recording: mapRecording(recordingLabel, nerve: nerve, at: location), recordingLabel: recordingLabel,
                source: location)
            wave.noResponse = noResponse(attribute("noResponse"), at: location)
            container = .fWave(wave)
        case (.nerveConduction, "HReflex"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let (nerve, nerveLabel) = mapNerve(attribute("nerve"), at: location)
            let recordingLabel = attribute("recording") ?? ""
            var reflex = HReflexStudy(
                nerve: nerve, nerveLabel: nerveLabel, side: side,
                recording: mapRecording(recordingLabel, nerve: nerve, at: location), recordingLabel: recordingLabel,
                source: location)
            reflex.noResponse = noResponse(attribute("noResponse"), at: location)
            container = .hReflex(reflex)
        case (.needleEMG, "Muscle"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let label = attribute("name") ?? ""
            let mapped = names.muscle(label)
            if mapped == nil {
                log.report(.unknownMuscle(label), at: location, field: "Muscle")
            }
            container = .muscle(NeedleExam(muscle: mapped, muscleLabel: label, side: side, source: location))
        case (.muscle(var exam), "MUAP"):
            readMUAP(attributes, at: location, into: &exam)
            position = .muscle(exam)
            container = nil
        case (.patient, _), (.studyInfo, _), (.motorSite, _), (.segment, _), (.sensorySite, _), (.fWave, _),
            (.hReflex, _), (.muscle, _):
            container = nil  // a value element, read at its end tag
        default:
            log.report(.unknownElement(name), at: location, field: name)
            skip(depth: depth, isEmpty: isEmpty)
            return
        }
        if let container {
            position = container
            if isEmpty { end(name) }
        } else {
            leafAttributes = attributes
            leafLocation = location
            if isEmpty { end(name) }
        }
    }

    private mutating func end(_ name: String) {
        let value = text
        text = ""
        let location = leafLocation
        let unit = leafAttributes.first { $0.name == "unit" }?.value
        switch (position, name) {
        case (.patient, "Patient"), (.studyInfo, "Study"), (.nerveConduction, "NerveConduction"),
            (.needleEMG, "NeedleEMG"):
            position = .study
        case (.study, "Impression"):
            study.impression = nonEmpty(value)
        case (.patient, _):
            readPatient(name, value, unit: unit, at: location)
        case (.studyInfo, _):
            readStudyInfo(name, value, unit: unit, at: location)
        case (.motor(let motor), "Motor"):
            study.motor.append(motor)
            position = .nerveConduction
        case (.motorSite(var motor, var site), "Site"):
            clearIfNoResponse(&site)
            motor.sites.append(site)
            position = .motor(motor)
        case (.motorSite(let motor, var site), _):
            readMotorValue(name, value, unit: unit, at: location, into: &site)
            position = .motorSite(motor, site)
        case (.segment(var motor, let segment), "Segment"):
            motor.segments.append(segment)
            position = .motor(motor)
        case (.segment(let motor, var segment), "Distance"):
            log.assign(
                &segment.distanceCm, quantity(value, unit, .distance, name, location), field: name, at: location)
            position = .segment(motor, segment)
        case (.segment(let motor, var segment), "Velocity"):
            log.assign(
                &segment.velocityMS, quantity(value, unit, .velocity, name, location), field: name, at: location)
            position = .segment(motor, segment)
        case (.sensory(let sensory), "Sensory"):
            study.sensory.append(sensory)
            position = .nerveConduction
        case (.sensorySite(var sensory, var site), "Site"):
            clearIfNoResponse(&site)
            sensory.sites.append(site)
            position = .sensory(sensory)
        case (.sensorySite(let sensory, var site), _):
            readSensoryValue(name, value, unit: unit, at: location, into: &site)
            position = .sensorySite(sensory, site)
        case (.fWave(let wave), "FWave"):
            study.fWaves.append(wave)
            position = .nerveConduction
        case (.fWave(var wave), "MinLatency"), (.fWave(var wave), "Latency"):
            log.assign(&wave.minLatencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
            position = .fWave(wave)
        case (.fWave(var wave), "Persistence"):
            log.assign(
                &wave.persistencePercent, quantity(value, unit, .percent, name, location), field: name, at: location)
            position = .fWave(wave)
        case (.hReflex(let reflex), "HReflex"):
            study.hReflexes.append(reflex)
            position = .nerveConduction
        case (.hReflex(var reflex), "Latency"):
            log.assign(&reflex.latencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
            position = .hReflex(reflex)
        case (.hReflex(var reflex), "Amplitude"):
            log.assign(
                &reflex.amplitudeMV, quantity(value, unit, .motorAmplitude, name, location), field: name, at: location)
            position = .hReflex(reflex)
        case (.muscle(let exam), "Muscle"):
            study.needle.append(exam)
            position = .needleEMG
        case (.muscle(var exam), _):
            readNeedleValue(name, value, at: location, into: &exam)
            position = .muscle(exam)
        case (_, _):
            if !value.trimmingWhitespace().isEmpty || !leafAttributes.isEmpty {
                log.report(.unknownValueElement(name), at: location, field: name)
            }
        }
        leafAttributes = []
    }

    // MARK: Sections

    private mutating func readPatient(_ name: String, _ value: String, unit: String?, at location: SourceLocation) {
        switch name {
        case "ID":
            guard let id = nonEmpty(value) else { return }
            if let existing = study.patient.id, existing != id {
                log.report(.differentPatients, at: location, field: "Patient/ID")
            }
            study.patient.id = study.patient.id ?? id
        case "Name": study.patient.name = nonEmpty(value)
        case "BirthDate":
            guard let text = present(value, name, location) else { return }
            keepFirst(\.patient.birthDate, date(text, .birth, name, location), name, location)
        case "Age":
            keepFirst(\.patient.ageYears, quantity(value, unit ?? "years", .age, name, location), name, location)
        case "Sex":
            guard let text = present(value, name, location) else { return }
            keepFirst(
                \.patient.sex, log.category(text, field: name, at: location, expected: .sex, ValueParsing.sex),
                name, location)
        case "Height":
            keepFirst(\.patient.heightCm, quantity(value, unit, .height, name, location), name, location)
        case "Weight":
            keepFirst(\.patient.weightKg, quantity(value, unit, .weight, name, location), name, location)
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readStudyInfo(_ name: String, _ value: String, unit: String?, at location: SourceLocation) {
        switch name {
        case "ID":
            guard let id = nonEmpty(value) else { return }
            if !study.id.isEmpty && study.id != id {
                log.report(.twoStudyIDs, at: location, field: "Study/ID")
            }
            study.id = id
        case "Date":
            guard let text = present(value, name, location) else { return }
            keepFirst(\.date, date(text, .study, name, location), name, location)
        case "Examiner": study.examiner = nonEmpty(value)
        case "Referrer": study.referrer = nonEmpty(value)
        case "Indication": study.indication = nonEmpty(value)
        case "SymptomDuration":
            // A measurement, not a demographic: two that disagree make the study untrustworthy.
            let days = quantity(value, unit, .symptomDuration, name, location)
            log.assign(&study.symptomDurationDays, days, field: name, at: location, firstLine: firstLines[name])
            if firstLines[name] == nil && days != nil { firstLines[name] = location.line }
        case "Temperature":
            let sideText = leafAttributes.first { $0.name == "side" }?.value
            let site = (leafAttributes.first { $0.name == "site" }?.value ?? "").lowercased()
            var side: Side?
            if let sideText, !sideText.isEmpty {
                side = Lexicon.side(sideText)
                if side == nil {
                    log.report(.unknownTemperatureSide(sideText), at: location, field: "side")
                    return
                }
            }
            if let celsius = quantity(value, unit, .temperature, name, location) {
                study.temperatures.append(LimbTemperature(side: side, site: site, celsius: celsius, source: location))
            }
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readMotorValue(
        _ name: String, _ value: String, unit: String?, at location: SourceLocation, into site: inout MotorSite
    ) {
        switch name {
        case "Latency", "OnsetLatency":
            log.assign(&site.latencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "Amplitude":
            log.assign(
                &site.amplitudeMV, quantity(value, unit, .motorAmplitude, name, location), field: name, at: location)
        case "Duration":
            log.assign(&site.durationMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "Area":
            log.assign(&site.areaMVms, quantity(value, unit, .area, name, location), field: name, at: location)
        case "Distance":
            log.assign(&site.distanceCm, quantity(value, unit, .distance, name, location), field: name, at: location)
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readSensoryValue(
        _ name: String, _ value: String, unit: String?, at location: SourceLocation, into site: inout SensorySite
    ) {
        switch name {
        case "OnsetLatency", "Latency":
            log.assign(&site.onsetLatencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "PeakLatency":
            log.assign(&site.peakLatencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "Amplitude":
            log.assign(
                &site.amplitudeUV, quantity(value, unit, .sensoryAmplitude, name, location), field: name,
                at: location)
        case "Distance":
            log.assign(&site.distanceCm, quantity(value, unit, .distance, name, location), field: name, at: location)
        case "Velocity":
            log.assign(&site.velocityMS, quantity(value, unit, .velocity, name, location), field: name, at: location)
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readNeedleValue(
        _ name: String, _ value: String, at location: SourceLocation, into exam: inout NeedleExam
    ) {
        func grade(_ text: String) -> SpontaneousGrade? {
            log.category(text, field: name, at: location, expected: .spontaneousGrade, Lexicon.spontaneousGrade)
        }
        let graded = ["InsertionalActivity", "Fibrillations", "PositiveSharpWaves", "Fasciculations", "Recruitment"]
        if graded.contains(name), present(value, name, location) == nil { return }
        switch name {
        case "InsertionalActivity":
            log.assign(
                &exam.insertionalActivity,
                log.category(value, field: name, at: location, expected: .activity, Lexicon.activity),
                field: name, at: location)
        case "Fibrillations":
            log.assign(&exam.fibrillations, grade(value), field: name, at: location)
        case "PositiveSharpWaves":
            log.assign(&exam.positiveSharpWaves, grade(value), field: name, at: location)
        case "Fasciculations":
            log.assign(&exam.fasciculations, grade(value), field: name, at: location)
        case "Recruitment":
            log.assign(
                &exam.recruitment,
                log.category(value, field: name, at: location, expected: .recruitment, Lexicon.recruitment),
                field: name, at: location)
        case "MUAP":
            break  // read from its attributes at the start tag
        case "Comment":
            exam.comment = nonEmpty(value)
        case "InterferencePattern":
            exam.interferencePattern = nonEmpty(value)
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readMUAP(
        _ attributes: [XMLAttribute], at location: SourceLocation, into exam: inout NeedleExam
    ) {
        for attribute in attributes {
            switch attribute.name {
            case "amplitude":
                exam.muapAmplitude = log.category(
                    attribute.value, field: "MUAP amplitude", at: location, expected: .activity, Lexicon.activity)
            case "duration":
                exam.muapDuration = log.category(
                    attribute.value, field: "MUAP duration", at: location, expected: .activity, Lexicon.activity)
            case "polyphasia":
                if let (change, grade) = log.category(
                    attribute.value, field: "MUAP polyphasia", at: location, expected: .polyphasia, Lexicon.polyphasia)
                {
                    exam.polyphasia = change
                    exam.polyphasiaGrade = grade
                }
            default:
                log.report(.unknownMUAPAttribute, at: location, field: "MUAP \(attribute.name)")
            }
        }
    }

    // MARK: Helpers

    private mutating func quantity(
        _ value: String, _ unit: String?, _ quantity: Quantity, _ field: String, _ location: SourceLocation
    ) -> Double? {
        guard present(value, field, location) != nil else { return nil }
        return log.quantity(value, unit: unit, quantity, field: field, at: location, decimalComma: false)
    }

    /// The trimmed text of a value element, or nil with a warning when the element has none: an empty
    /// element is data the export lost. Inside a site, F wave or H reflex marked as no response an
    /// empty value is what absence looks like, and is not reported.
    private mutating func present(_ value: String, _ field: String, _ location: SourceLocation) -> String? {
        if let text = nonEmpty(value) { return text }
        // An entity reference in place of the text is reported as such.
        guard !textHadEntity else { return nil }
        let absent =
            switch position {
            case .motorSite(_, let site): site.noResponse
            case .sensorySite(_, let site): site.noResponse
            case .fWave(let wave): wave.noResponse
            case .hReflex(let reflex): reflex.noResponse
            default: false
            }
        if !absent {
            log.report(.emptyValue(.studyXML), at: location, field: field)
        }
        return nil
    }

    /// The ISO form of a study or birth date, or nil with a warning that never repeats the value.
    private mutating func date(
        _ text: String, _ dated: ImportProblem.Dated, _ field: String, _ location: SourceLocation
    ) -> String? {
        switch ValueParsing.date(text) {
        case .date(let iso): return iso
        case .unreadable: log.report(.badDate(dated, .unreadable, isoOnly: true), at: location, field: field)
        case .notOnCalendar: log.report(.badDate(dated, .notOnCalendar, isoOnly: true), at: location, field: field)
        }
        return nil
    }

    /// Keeps the first value of a patient or study field; a different later one is reported.
    private mutating func keepFirst<Value: Equatable>(
        _ slot: WritableKeyPath<Study, Value?>, _ value: Value?, _ field: String, _ location: SourceLocation
    ) {
        log.keepFirst(&study[keyPath: slot], value, field: field, at: location, firstLine: firstLines[field])
        if firstLines[field] == nil && value != nil { firstLines[field] = location.line }
    }

    private mutating func requiredSide(
        _ raw: String?, element: String, at location: SourceLocation, isEmpty: Bool, depth: Int
    ) -> Side? {
        if let raw, let side = Lexicon.side(raw) { return side }
        log.report(.unknownElementSide(raw, element: element), at: location, field: "\(element) side")
        skip(depth: depth, isEmpty: isEmpty)
        return nil
    }

    private mutating func mapNerve(_ raw: String?, at location: SourceLocation) -> (Nerve?, String) {
        let label = raw ?? ""
        let nerve = names.nerve(label)
        if nerve == nil {
            log.report(.unknownNerve(label), at: location, field: "nerve")
        }
        return (nerve, label)
    }

    private mutating func mapRecording(_ label: String, nerve: Nerve?, at location: SourceLocation) -> RecordingSite? {
        guard !label.isEmpty else { return nil }
        let site = names.recordingSite(label, nerve: nerve)
        if site == nil {
            log.report(.unknownRecordingSite(label), at: location, field: "recording")
        }
        return site
    }

    private mutating func mapSite(_ label: String, nerve: Nerve?, at location: SourceLocation) -> StimulationSite? {
        let site = names.stimulationSite(label, nerve: nerve)
        if site == nil {
            log.report(.unknownStimulationSite(label), at: location, field: "site")
        }
        return site
    }

    private mutating func noResponse(_ raw: String?, at location: SourceLocation) -> Bool {
        guard let raw else { return false }
        if let flag = ValueParsing.flag(raw) { return flag }
        log.report(.notTrueOrFalse(raw), at: location, field: "noResponse")
        return false
    }

    /// Drops the values of a site marked as no response, with a warning when it had any.
    private mutating func clearIfNoResponse(_ site: inout MotorSite) {
        guard site.noResponse else { return }
        if site.latencyMs != nil || site.amplitudeMV != nil {
            log.report(.noResponseWithValues(.studyXML), at: site.source, field: "noResponse")
        }
        site.latencyMs = nil
        site.amplitudeMV = nil
        site.durationMs = nil
        site.areaMVms = nil
    }

    /// Drops the values of a site marked as no response, with a warning when it had any.
    private mutating func clearIfNoResponse(_ site: inout SensorySite) {
        guard site.noResponse else { return }
        if site.amplitudeUV != nil || site.onsetLatencyMs != nil {
            log.report(.noResponseWithValues(.studyXML), at: site.source, field: "noResponse")
        }
        site.amplitudeUV = nil
        site.onsetLatencyMs = nil
        site.peakLatencyMs = nil
        site.velocityMS = nil
    }

    private mutating func unknownValue(_ name: String, _ value: String, at location: SourceLocation) {
        log.report(.unknownValueElement(name), at: location, field: name)
    }

    private func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
