import EDXModel
import XMLStreaming

/// Builds one ``Study`` from the events between `<EDXStudy>` and `</EDXStudy>`.
struct XMLStudyBuilder {
    private enum Block {
        case none, patient, studyInfo, nerveConduction, needleEMG
        case motor, motorSite, segment, sensory, sensorySite, fWave, hReflex, muscle
    }

    let file: String
    private(set) var inStudy = false
    private var study = Study(id: "", source: SourceLocation(file: "", line: 0))
    private var log = DiagnosticLog()
    private var block: Block = .none
    private var text = ""
    private var leafAttributes: [XMLAttribute] = []
    private var leafLocation = SourceLocation(file: "", line: 0)
    private var skipUntilDepth: Int?
    private var studyIDLocation: SourceLocation?

    private var motor: MotorStudy?
    private var motorSite: MotorSite?
    private var segment: Segment?
    private var sensory: SensoryStudy?
    private var sensorySite: SensorySite?
    private var fWave: FWaveStudy?
    private var hReflex: HReflexStudy?
    private var muscle: NeedleExam?

    init(file: String) {
        self.file = file
    }

    // MARK: Study boundaries

    mutating func begin(at location: SourceLocation) {
        self = XMLStudyBuilder(file: file)
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
            start(name, attributes, isEmpty: isEmpty, at: location, depth: depth)
        case .text(let value):
            text += value
        case .entityReference(let name):
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
        let container: Block?
        switch (block, name) {
        case (.none, "Patient"): container = .patient
        case (.none, "Study"): container = .studyInfo
        case (.none, "NerveConduction"): container = .nerveConduction
        case (.none, "NeedleEMG"): container = .needleEMG
        case (.none, "Impression"): container = nil
        case (.nerveConduction, "Motor"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let (nerve, nerveLabel) = mapNerve(attribute("nerve"), at: location)
            let recordingLabel = attribute("recording") ?? ""
            motor = MotorStudy(
                nerve: nerve, nerveLabel: nerveLabel, side: side,
                recording: mapRecording(recordingLabel, nerve: nerve, at: location), recordingLabel: recordingLabel,
                source: location)
            container = .motor
        case (.motor, "Site"):
            let label = attribute("name") ?? ""
            motorSite = MotorSite(
                site: mapSite(label, nerve: motor?.nerve, at: location), siteLabel: label, source: location)
            let flag = noResponse(attribute("noResponse"), at: location)
            motorSite?.noResponse = flag
            container = .motorSite
        case (.motor, "Segment"):
            let from = attribute("from") ?? ""
            let to = attribute("to") ?? ""
            segment = Segment(
                from: mapSite(from, nerve: motor?.nerve, at: location), fromLabel: from,
                to: mapSite(to, nerve: motor?.nerve, at: location), toLabel: to, source: location)
            container = .segment
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
            sensory = SensoryStudy(
                nerve: nerve, nerveLabel: nerveLabel, side: side,
                recording: mapRecording(recordingLabel, nerve: nerve, at: location), recordingLabel: recordingLabel,
                method: method, source: location)
            container = .sensory
        case (.sensory, "Site"):
            let label = attribute("name") ?? ""
            sensorySite = SensorySite(
                site: mapSite(label, nerve: sensory?.nerve, at: location), siteLabel: label, source: location)
            let flag = noResponse(attribute("noResponse"), at: location)
            sensorySite?.noResponse = flag
            container = .sensorySite
        case (.nerveConduction, "FWave"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let (nerve, nerveLabel) = mapNerve(attribute("nerve"), at: location)
            let recordingLabel = attribute("recording") ?? ""
            fWave = FWaveStudy(
                nerve: nerve, nerveLabel: nerveLabel, side: side,
                recording: mapRecording(recordingLabel, nerve: nerve, at: location), recordingLabel: recordingLabel,
                source: location)
            let flag = noResponse(attribute("noResponse"), at: location)
            fWave?.noResponse = flag
            container = .fWave
        case (.nerveConduction, "HReflex"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let (nerve, nerveLabel) = mapNerve(attribute("nerve"), at: location)
            let recordingLabel = attribute("recording") ?? ""
            hReflex = HReflexStudy(
                nerve: nerve, nerveLabel: nerveLabel, side: side,
                recording: mapRecording(recordingLabel, nerve: nerve, at: location), recordingLabel: recordingLabel,
                source: location)
            let flag = noResponse(attribute("noResponse"), at: location)
            hReflex?.noResponse = flag
            container = .hReflex
        case (.needleEMG, "Muscle"):
            guard
                let side = requiredSide(attribute("side"), element: name, at: location, isEmpty: isEmpty, depth: depth)
            else { return }
            let label = attribute("name") ?? ""
            let mapped = Lexicon.muscle(label)
            if mapped == nil {
                log.report(.unknownMuscle(label), at: location, field: "Muscle")
            }
            muscle = NeedleExam(muscle: mapped, muscleLabel: label, side: side, source: location)
            container = .muscle
        case (.muscle, "MUAP"):
            readMUAP(attributes, at: location)
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
            block = container
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
        switch (block, name) {
        case (.patient, "Patient"), (.studyInfo, "Study"), (.nerveConduction, "NerveConduction"),
            (.needleEMG, "NeedleEMG"):
            block = .none
        case (.none, "Impression"):
            study.impression = nonEmpty(value)
        case (.patient, _):
            readPatient(name, value, unit: unit, at: location)
        case (.studyInfo, _):
            readStudyInfo(name, value, unit: unit, at: location)
        case (.motor, "Motor"):
            if let motor { study.motor.append(motor) }
            motor = nil
            block = .nerveConduction
        case (.motorSite, "Site"):
            if var site = motorSite {
                clearValuesIfNoResponse(
                    &site.noResponse, hasValues: site.latencyMs != nil || site.amplitudeMV != nil,
                    at: site.source)
                if site.noResponse {
                    site.latencyMs = nil
                    site.amplitudeMV = nil
                    site.durationMs = nil
                    site.areaMVms = nil
                }
                motor?.sites.append(site)
            }
            motorSite = nil
            block = .motor
        case (.motorSite, _):
            readMotorValue(name, value, unit: unit, at: location)
        case (.segment, "Segment"):
            if let segment { motor?.segments.append(segment) }
            segment = nil
            block = .motor
        case (.segment, "Distance"):
            log.assign(
                &segment!.distanceCm, quantity(value, unit, .distance, name, location), field: name, at: location)
        case (.segment, "Velocity"):
            log.assign(
                &segment!.velocityMS, quantity(value, unit, .velocity, name, location), field: name, at: location)
        case (.sensory, "Sensory"):
            if let sensory { study.sensory.append(sensory) }
            sensory = nil
            block = .nerveConduction
        case (.sensorySite, "Site"):
            if var site = sensorySite {
                clearValuesIfNoResponse(
                    &site.noResponse, hasValues: site.amplitudeUV != nil || site.onsetLatencyMs != nil,
                    at: site.source)
                if site.noResponse {
                    site.amplitudeUV = nil
                    site.onsetLatencyMs = nil
                    site.peakLatencyMs = nil
                    site.velocityMS = nil
                }
                sensory?.sites.append(site)
            }
            sensorySite = nil
            block = .sensory
        case (.sensorySite, _):
            readSensoryValue(name, value, unit: unit, at: location)
        case (.fWave, "FWave"):
            if let fWave { study.fWaves.append(fWave) }
            fWave = nil
            block = .nerveConduction
        case (.fWave, "MinLatency"), (.fWave, "Latency"):
            log.assign(&fWave!.minLatencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case (.fWave, "Persistence"):
            log.assign(
                &fWave!.persistencePercent, quantity(value, unit, .percent, name, location), field: name, at: location)
        case (.hReflex, "HReflex"):
            if let hReflex { study.hReflexes.append(hReflex) }
            hReflex = nil
            block = .nerveConduction
        case (.hReflex, "Latency"):
            log.assign(&hReflex!.latencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case (.hReflex, "Amplitude"):
            log.assign(
                &hReflex!.amplitudeMV, quantity(value, unit, .motorAmplitude, name, location), field: name,
                at: location)
        case (.muscle, "Muscle"):
            if let muscle { study.needle.append(muscle) }
            muscle = nil
            block = .needleEMG
        case (.muscle, _):
            readNeedleValue(name, value, at: location)
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
        case "ID": study.patient.id = nonEmpty(value)
        case "Name": study.patient.name = nonEmpty(value)
        case "BirthDate":
            guard let text = nonEmpty(value) else { return }
            if let date = ValueParsing.isoDate(text) {
                study.patient.birthDate = date
            } else {
                // Protected information: the value is never repeated in a message.
                log.report(.badBirthDate(isoOnly: true), at: location, field: name)
            }
        case "Age":
            study.patient.ageYears = quantity(value, unit ?? "years", .age, name, location)
        case "Sex":
            guard let text = nonEmpty(value) else { return }
            study.patient.sex = log.category(
                text, field: name, at: location, expected: .sex, ValueParsing.sex)
        case "Height":
            study.patient.heightCm = quantity(value, unit, .height, name, location)
        case "Weight":
            study.patient.weightKg = quantity(value, unit, .weight, name, location)
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
            studyIDLocation = location
        case "Date":
            guard let text = nonEmpty(value) else { return }
            study.date = ValueParsing.isoDate(text)
            if study.date == nil {
                log.report(.badDate(text, isoOnly: true), at: location, field: name)
            }
        case "Examiner": study.examiner = nonEmpty(value)
        case "Referrer": study.referrer = nonEmpty(value)
        case "Indication": study.indication = nonEmpty(value)
        case "SymptomDuration":
            study.symptomDurationDays = quantity(value, unit, .symptomDuration, name, location)
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

    private mutating func readMotorValue(_ name: String, _ value: String, unit: String?, at location: SourceLocation) {
        switch name {
        case "Latency", "OnsetLatency":
            log.assign(&motorSite!.latencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "Amplitude":
            log.assign(
                &motorSite!.amplitudeMV, quantity(value, unit, .motorAmplitude, name, location), field: name,
                at: location)
        case "Duration":
            log.assign(&motorSite!.durationMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "Area":
            log.assign(&motorSite!.areaMVms, quantity(value, unit, .area, name, location), field: name, at: location)
        case "Distance":
            log.assign(
                &motorSite!.distanceCm, quantity(value, unit, .distance, name, location), field: name, at: location)
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readSensoryValue(_ name: String, _ value: String, unit: String?, at location: SourceLocation)
    {
        switch name {
        case "OnsetLatency", "Latency":
            log.assign(
                &sensorySite!.onsetLatencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "PeakLatency":
            log.assign(
                &sensorySite!.peakLatencyMs, quantity(value, unit, .time, name, location), field: name, at: location)
        case "Amplitude":
            log.assign(
                &sensorySite!.amplitudeUV, quantity(value, unit, .sensoryAmplitude, name, location), field: name,
                at: location)
        case "Distance":
            log.assign(
                &sensorySite!.distanceCm, quantity(value, unit, .distance, name, location), field: name, at: location)
        case "Velocity":
            log.assign(
                &sensorySite!.velocityMS, quantity(value, unit, .velocity, name, location), field: name, at: location)
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readNeedleValue(_ name: String, _ value: String, at location: SourceLocation) {
        switch name {
        case "InsertionalActivity":
            log.assign(
                &muscle!.insertionalActivity,
                log.category(
                    value, field: name, at: location, expected: .activity, Lexicon.activity),
                field: name, at: location)
        case "Fibrillations":
            log.assign(
                &muscle!.fibrillations,
                log.category(value, field: name, at: location, expected: .spontaneousGrade, Lexicon.spontaneousGrade),
                field: name, at: location)
        case "PositiveSharpWaves":
            log.assign(
                &muscle!.positiveSharpWaves,
                log.category(value, field: name, at: location, expected: .spontaneousGrade, Lexicon.spontaneousGrade),
                field: name, at: location)
        case "Fasciculations":
            log.assign(
                &muscle!.fasciculations,
                log.category(value, field: name, at: location, expected: .spontaneousGrade, Lexicon.spontaneousGrade),
                field: name, at: location)
        case "Recruitment":
            log.assign(
                &muscle!.recruitment,
                log.category(
                    value, field: name, at: location, expected: .recruitment,
                    Lexicon.recruitment), field: name, at: location)
        case "MUAP":
            break  // read from its attributes at the start tag
        case "Comment":
            muscle!.comment = nonEmpty(value)
        case "InterferencePattern":
            muscle!.interferencePattern = nonEmpty(value)
        default:
            unknownValue(name, value, at: location)
        }
    }

    private mutating func readMUAP(_ attributes: [XMLAttribute], at location: SourceLocation) {
        for attribute in attributes {
            switch attribute.name {
            case "amplitude":
                muscle!.muapAmplitude = log.category(
                    attribute.value, field: "MUAP amplitude", at: location, expected: .activity,
                    Lexicon.activity)
            case "duration":
                muscle!.muapDuration = log.category(
                    attribute.value, field: "MUAP duration", at: location, expected: .activity,
                    Lexicon.activity)
            case "polyphasia":
                if let (change, grade) = log.category(
                    attribute.value, field: "MUAP polyphasia", at: location, expected: .polyphasia,
                    Lexicon.polyphasia)
                {
                    muscle!.polyphasia = change
                    muscle!.polyphasiaGrade = grade
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
        log.quantity(value, unit: unit, quantity, field: field, at: location, decimalComma: false)
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
        let nerve = Lexicon.nerve(label)
        if nerve == nil {
            log.report(.unknownNerve(label), at: location, field: "nerve")
        }
        return (nerve, label)
    }

    private mutating func mapRecording(_ label: String, nerve: Nerve?, at location: SourceLocation) -> RecordingSite? {
        guard !label.isEmpty else { return nil }
        let site = Lexicon.recordingSite(label, nerve: nerve)
        if site == nil {
            log.report(.unknownRecordingSite(label), at: location, field: "recording")
        }
        return site
    }

    private mutating func mapSite(_ label: String, nerve: Nerve?, at location: SourceLocation) -> StimulationSite? {
        let site = Lexicon.stimulationSite(label, nerve: nerve)
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

    private mutating func clearValuesIfNoResponse(
        _ noResponse: inout Bool, hasValues: Bool, at location: SourceLocation
    ) {
        if noResponse && hasValues {
            log.report(.noResponseWithValues(.studyXML), at: location, field: "noResponse")
        }
    }

    private mutating func unknownValue(_ name: String, _ value: String, at location: SourceLocation) {
        log.report(.unknownValueElement(name), at: location, field: name)
    }

    private func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
