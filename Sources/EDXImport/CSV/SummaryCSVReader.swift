import EDXModel
import StrictCSV

/// Reads the summary tables of a machine report saved as CSV (one study per file).
enum SummaryCSVReader {
    enum Section: String {
        case motor = "Motor Summary Table"
        case antiSensory = "Anti Sensory Summary Table"
        case orthoSensory = "Ortho Sensory Summary Table"
        case fWave = "F Wave Studies"
        case hReflex = "H Reflex Studies"
        case emg = "EMG"
    }

    static func sectionTitle(_ cell: String) -> Section? {
        switch Lexicon.key(cell) {
        case "motorsummarytable", "motornervestudies", "motorncs": .motor
        case "antisensorysummarytable", "sensorysummarytable", "antisensorynervestudies": .antiSensory
        case "orthosensorysummarytable", "orthosensorynervestudies": .orthoSensory
        case "fwavestudies", "fwave", "fwaves": .fWave
        case "hreflexstudies", "hreflex": .hReflex
        case "emg", "needleemg", "emgsummarytable": .emg
        default: nil
        }
    }

    static func read(
        path: String, displayPath: String, names: NameResolver = .builtIn, _ body: (ImportedStudy) -> Void
    ) -> ReaderOutcome {
        var outcome = ReaderOutcome()
        var tokenizer: CSVTokenizer
        do {
            tokenizer = try CSVTokenizer(path: path)
        } catch {
            outcome.unreadable = error.kind == .unreadable
            let problem: ImportProblem = error.kind == .empty ? .emptyFile : .unreadable(reason: error.message)
            outcome.diagnostics.append(
                Diagnostic(problem, at: SourceLocation(file: displayPath, line: max(error.line, 1))))
            return outcome
        }
        var builder = SummaryStudyBuilder(
            file: displayPath, decimalComma: tokenizer.delimiter == UInt8(ascii: ";"), names: names)
        let otherDelimiter: Character = tokenizer.delimiter == UInt8(ascii: ";") ? "," : ";"
        while true {
            let record: CSVRecord?
            do {
                record = try tokenizer.next()
            } catch {
                builder.syntaxError(error)
                if error.isFatal { break }
                continue
            }
            guard let record else { break }
            if record.isBlank { continue }
            if record.fields.count == 1, record.fields[0].filter({ $0 == otherDelimiter }).count >= 2,
                !record.quoted[0]
            {
                builder.mixedDelimiters(at: record.line, fileDelimiter: tokenizer.delimiterName)
                continue
            }
            for index in record.undecodableFields {
                builder.undecodable(at: record.line, column: index, encoding: tokenizer.encoding)
            }
            builder.row(record)
        }
        body(builder.finish(fallbackID: baseName(displayPath)))
        return outcome
    }

    private static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}

/// Builds the single study of a summary-csv file, row by row.
struct SummaryStudyBuilder {
    private enum Column: Hashable {
        case site, nr, onset, normOnset, peak, normPeak, amplitude, normAmplitude, duration, area
        case site1, site2, delta, distance, velocity, normVelocity
        case nerve, fLatency, latencyNorm, sideDifference, sideDifferenceNorm, persistence, hAmplitude
        case side, muscle, muscleNerve, root, insertional, fibs, psw, fasc, muapAmplitude, muapDuration, poly
        case recruitment, interference, comment
    }

    private struct Header {
        var columns: [Column: Int] = [:]
        var factors: [Column: Double] = [:]
        var names: [Int: String] = [:]
    }

    let file: String
    let decimalComma: Bool
    /// How names of nerves, sites and muscles are read.
    let names: NameResolver
    private var study: Study
    private var log = DiagnosticLog()
    private var section: SummaryCSVReader.Section?
    private var header: Header?
    private var motorIndex: Int?
    private var sensoryIndex: Int?
    private var explicitStudyID: String?
    /// The line of the first value of each header-block field, for the messages of a second one.
    private var firstLines: [String: Int] = [:]

    init(file: String, decimalComma: Bool, names: NameResolver = .builtIn) {
        self.file = file
        self.decimalComma = decimalComma
        self.names = names
        self.study = Study(id: "", source: SourceLocation(file: file, line: 1))
    }

    private func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    // MARK: Problems reported by the reader

    mutating func syntaxError(_ error: CSVSyntaxError) {
        let location = SourceLocation(file: file, line: error.line, column: error.column)
        log.report(.summaryCSVError(error), at: location)
    }

    mutating func mixedDelimiters(at line: Int, fileDelimiter: String) {
        log.report(.notDelimitedLikeFile(fileDelimiter: fileDelimiter), at: at(line))
    }

    mutating func undecodable(at line: Int, column: Int, encoding: TextEncoding) {
        log.report(.undecodableValue(encoding), at: at(line), field: header?.names[column] ?? "column \(column + 1)")
    }

    // MARK: Rows

    mutating func row(_ record: CSVRecord) {
        let cells = record.fields.map { $0.trimmingWhitespace() }
        let line = record.line
        if let title = SummaryCSVReader.sectionTitle(cells[0]), cells.dropFirst().allSatisfy(\.isEmpty) {
            section = title
            header = nil
            motorIndex = nil
            sensoryIndex = nil
            return
        }
        guard let section else {
            headerBlock(cells, line: line)
            return
        }
        guard let header else {
            self.header = readHeader(cells, line: line, section: section)
            return
        }
        switch section {
        case .motor, .antiSensory, .orthoSensory:
            if cells.dropFirst().allSatisfy(\.isEmpty), let group = parseGroup(cells[0]) {
                startGroup(group, section: section, line: line)
            } else {
                ncsRow(cells, header: header, section: section, line: line)
            }
        case .fWave, .hReflex:
            lateResponseRow(cells, header: header, section: section, line: line)
        case .emg:
            emgRow(cells, header: header, line: line)
        }
    }

    private mutating func headerBlock(_ cells: [String], line: Int) {
        var index = 0
        while index < cells.count {
            let key = cells[index]
            let value = index + 1 < cells.count ? cells[index + 1] : ""
            index += 2
            guard !key.isEmpty else { continue }
            let location = at(line)
            switch Lexicon.key(key).replacingOccurrences(of: ":", with: "") {
            case "patient", "name", "patientname": study.patient.name = value.isEmpty ? nil : value
            case "id", "patientid", "mrn":
                guard !value.isEmpty else { continue }
                if let existing = study.patient.id, existing != value {
                    log.report(.differentPatients, at: location, field: key)
                }
                study.patient.id = study.patient.id ?? value
            case "studyid", "study": explicitStudyID = value.isEmpty ? nil : value
            case "testdate", "date", "studydate":
                guard !value.isEmpty else { continue }
                keepFirst(\.date, date(value, .study, field: key, at: location), "date", field: key, at: location)
            case "dob", "birthdate", "dateofbirth":
                guard !value.isEmpty else { continue }
                keepFirst(
                    \.patient.birthDate, date(value, .birth, field: key, at: location), "dob", field: key,
                    at: location)
            case "age":
                guard let (number, unit) = ValueParsing.splitQuantity(value, decimalComma: decimalComma) else {
                    if !value.isEmpty {
                        log.report(.notAQuantity(value, .age), at: location, field: key)
                    }
                    continue
                }
                let years = ValueParsing.convert(number, unit: unit, quantity: .age)
                if years == nil {
                    log.report(.unknownAgeUnit(unit), at: location, field: key)
                }
                keepFirst(
                    \.patient.ageYears, years.flatMap { log.possible($0, .age, field: key, at: location) }, "age",
                    field: key, at: location)
            case "sex", "gender":
                keepFirst(
                    \.patient.sex,
                    log.category(value, field: key, at: location, expected: .summarySex, ValueParsing.sex), "sex",
                    field: key, at: location)
            case "height":
                keepFirst(
                    \.patient.heightCm, splitAndConvert(value, .height, field: key, at: location), "height",
                    field: key, at: location)
            case "weight":
                keepFirst(
                    \.patient.weightKg, splitAndConvert(value, .weight, field: key, at: location), "weight",
                    field: key, at: location)
            case "temp", "temperature":
                readTemperature(value, field: key, at: location)
            case "indication", "reason", "referralreason": study.indication = value.isEmpty ? nil : value
            case "symptomduration", "duration":
                log.assign(
                    &study.symptomDurationDays, splitAndConvert(value, .symptomDuration, field: key, at: location),
                    field: key, at: location, firstLine: firstLines["duration"])
                if firstLines["duration"] == nil { firstLines["duration"] = line }
            case "examiner", "physician": study.examiner = value.isEmpty ? nil : value
            case "referrer", "referring", "referringphysician": study.referrer = value.isEmpty ? nil : value
            default:
                log.report(.unknownHeaderKey, at: location, field: key)
            }
        }
    }

    /// Keeps the first value of a header-block field (`name` whatever the key's spelling); a
    /// different later one is reported.
    private mutating func keepFirst<Value: Equatable>(
        _ slot: WritableKeyPath<Study, Value?>, _ value: Value?, _ name: String, field: String,
        at location: SourceLocation
    ) {
        log.keepFirst(&study[keyPath: slot], value, field: field, at: location, firstLine: firstLines[name])
        if firstLines[name] == nil && value != nil { firstLines[name] = location.line }
    }

    /// The ISO form of a study or birth date, or nil with a warning that never repeats the value.
    private mutating func date(
        _ text: String, _ dated: ImportProblem.Dated, field: String, at location: SourceLocation
    ) -> String? {
        switch ValueParsing.date(text) {
        case .date(let iso): return iso
        case .unreadable: log.report(.badDate(dated, .unreadable, isoOnly: false), at: location, field: field)
        case .notOnCalendar: log.report(.badDate(dated, .notOnCalendar, isoOnly: false), at: location, field: field)
        }
        return nil
    }

    private mutating func splitAndConvert(
        _ value: String, _ quantity: Quantity, field: String, at location: SourceLocation
    )
        -> Double?
    {
        guard !value.isEmpty else { return nil }
        guard let (number, unit) = ValueParsing.splitQuantity(value, decimalComma: decimalComma) else {
            log.report(.notAQuantityWithUnit(value, quantity), at: location, field: field)
            return nil
        }
        return log.quantity(
            ValueParsingFormat.plain(number), unit: unit, quantity, field: field, at: location, decimalComma: false)
    }

    /// `L Foot 31.2 C`, `R Foot 32 C`, `D Foot 32 C`, `Foot 31,5 °C`.
    private mutating func readTemperature(_ value: String, field: String, at location: SourceLocation) {
        guard !value.isEmpty else { return }
        var words = value.split(separator: " ").map(String.init)
        var side: Side?
        if let first = words.first, let parsed = Lexicon.side(first) {
            side = parsed
            words.removeFirst()
        }
        guard let numberIndex = words.firstIndex(where: { $0.first?.isNumber == true || $0.first == "-" }) else {
            log.report(.noTemperature(value), at: location, field: field)
            return
        }
        let site = words[..<numberIndex].joined(separator: " ").lowercased()
        let rest = words[numberIndex...].joined(separator: " ")
        guard let (number, unit) = ValueParsing.splitQuantity(rest, decimalComma: decimalComma) else {
            log.report(.notAQuantity(rest, .temperature), at: location, field: field)
            return
        }
        guard let celsius = ValueParsing.celsius(number, unit: unit) else {
            log.report(.unknownUnit(unit, .temperature), at: location, field: field)
            return
        }
        guard let possible = log.possible(celsius, .temperature, field: field, at: location) else { return }
        study.temperatures.append(LimbTemperature(side: side, site: site, celsius: possible, source: location))
    }

    private mutating func readHeader(_ cells: [String], line: Int, section: SummaryCSVReader.Section) -> Header {
        var header = Header()
        let ncs = section == .motor || section == .antiSensory || section == .orthoSensory
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            header.names[index] = cell
            let (name, unit) = splitHeader(cell)
            let key = Lexicon.key(name)
            let column: Column?
            var quantity: Quantity?
            switch key {
            case "site": column = ncs ? .site : nil
            case "nr": column = .nr
            case "onset", "lat", "latency", "onsetlat": column = .onset; quantity = .time
            case "normonset", "normlat", "normlatency": column = .normOnset; quantity = .time
            case "peak", "peaklat": column = .peak; quantity = .time
            case "normpeak", "normpeaklat": column = .normPeak; quantity = .time
            case "opamp", "amp", "ptamp", "amplitude", "bpamp", "npamp", "pkamp":
                column = .amplitude
                quantity = section == .motor ? .motorAmplitude : .sensoryAmplitude
            case "normopamp", "normamp", "normptamp", "normamplitude":
                column = .normAmplitude
                quantity = section == .motor ? .motorAmplitude : .sensoryAmplitude
            case "negdur", "dur", "duration": column = ncs ? .duration : .muapDuration; quantity = ncs ? .time : nil
            case "area", "negarea": column = .area; quantity = .area
            case "site1": column = .site1
            case "site2": column = .site2
            case "delta0", "deltap", "delta", "deltalat": column = .delta; quantity = .time
            case "dist", "distance": column = .distance; quantity = .distance
            case "vel", "velocity", "cv": column = .velocity; quantity = .velocity
            case "normvel", "normcv": column = .normVelocity; quantity = .velocity
            case "nerve": column = section == .emg ? .muscleNerve : .nerve
            case "flat", "fminlat", "fwavelat", "minflat", "hlat", "hreflexlat": column = .fLatency; quantity = .time
            case "latnorm": column = .latencyNorm; quantity = .time
            case "lrflat", "lrhlat", "lrlat": column = .sideDifference; quantity = .time
            case "lrlatnorm": column = .sideDifferenceNorm; quantity = .time
            case "fpers", "persistence", "pers", "fpersistence": column = .persistence; quantity = .percent
            case "hamp", "hamplitude": column = .hAmplitude; quantity = .motorAmplitude
            case "side": column = .side
            case "muscle": column = .muscle
            case "root": column = .root
            case "insact", "insertional", "insertionalactivity": column = .insertional
            case "fibs", "fib", "fibrillations": column = .fibs
            case "psw", "positivesharpwaves": column = .psw
            case "fasc", "fasciculations": column = .fasc
            case "poly", "polyphasia", "polys": column = .poly
            case "recrt", "recruitment", "recruit": column = .recruitment
            case "intpat", "interference", "interferencepattern": column = .interference
            case "comment", "comments": column = .comment
            default: column = nil
            }
            if section == .emg, key == "amp" || key == "amplitude" {
                header.columns[.muapAmplitude] = index
                continue
            }
            guard let column else {
                log.report(.unknownColumn, at: at(line), field: cell)
                continue
            }
            if let quantity, let unit, !unit.trimmingWhitespace().isEmpty {
                switch ValueParsing.unit(unit, quantity) {
                case .exact(let factor):
                    header.factors[column] = factor
                case .wrongCase(let factor, let spelling):
                    log.report(.wrongCaseUnit(unit, readAs: spelling, column: true), at: at(line), field: cell)
                    header.factors[column] = factor
                case .megaForMilli(let spelling):
                    log.report(.megaForMilli(unit, spelling: spelling, column: true), at: at(line), field: cell)
                    continue
                case .unknown:
                    log.report(.unknownColumnUnit(unit, quantity), at: at(line), field: cell)
                    continue
                }
            } else if let quantity, Self.valueColumn(ofNorm: column) == nil {
                // Units stand next to every number (docs/formats.md): a value column without one is
                // not assumed to be in the canonical unit.
                log.report(.missingColumnUnit(quantity), at: at(line), field: cell)
                continue
            }
            header.columns[column] = index
        }
        // Norm columns without their own unit take the unit of the value column they belong to; with
        // no such unit their limits cannot be scaled, and are skipped.
        for (column, index) in header.columns.sorted(by: { $0.value < $1.value }) {
            guard let valueColumn = Self.valueColumn(ofNorm: column), header.factors[column] == nil else { continue }
            if let factor = header.factors[valueColumn] {
                header.factors[column] = factor
            } else if valueColumn == .velocity {
                header.factors[column] = 1  // m/s is the only unit of a velocity
            } else {
                log.report(.missingNormUnit, at: at(line), field: header.names[index] ?? cells[index])
                header.columns[column] = nil
            }
        }
        return header
    }

    /// The value column whose limits a Norm column holds, or nil when `column` is no Norm column.
    private static func valueColumn(ofNorm column: Column) -> Column? {
        switch column {
        case .normOnset: .onset
        case .normPeak: .peak
        case .normAmplitude: .amplitude
        case .normVelocity: .velocity
        case .latencyNorm: .fLatency
        case .sideDifferenceNorm: .sideDifference
        default: nil
        }
    }

    /// A column header's name and the unit in its parentheses:
    /// `Onset (ms)` → (`Onset`, `ms`); `Norm O-P Amp` → (`Norm O-P Amp`, nil).
    private func splitHeader(_ cell: String) -> (String, String?) {
        guard cell.hasSuffix(")"), let open = cell.lastIndex(of: "(") else { return (cell, nil) }
        let unit = String(cell[cell.index(after: open)..<cell.index(before: cell.endIndex)])
        let name = String(cell[..<open]).trimmingWhitespace()
        return (name, unit)
    }

    // MARK: NCS

    private struct Group {
        var side: Side
        var nerveLabel: String
        var recordingLabel: String
        var kind: SummaryCSVReader.Section
    }

    /// `Left Peroneal Motor (Ext Dig Brev)`, `D Sural Anti Sensory (Lat Mall)`.
    private func parseGroup(_ cell: String) -> Group? {
        var text = cell
        var recording = ""
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            recording = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingWhitespace()
            text = String(text[..<open]).trimmingWhitespace()
        }
        var words = text.split(separator: " ").map(String.init)
        guard words.count >= 2, let side = Lexicon.side(words[0]) else { return nil }
        words.removeFirst()
        var kind: SummaryCSVReader.Section = .motor
        let lowered = words.map { $0.lowercased() }
        if lowered.suffix(2) == ["anti", "sensory"] {
            kind = .antiSensory
            words.removeLast(2)
        } else if lowered.suffix(2) == ["ortho", "sensory"] {
            kind = .orthoSensory
            words.removeLast(2)
        } else if lowered.last == "sensory" {
            kind = .antiSensory
            words.removeLast()
        } else if lowered.last == "motor" {
            words.removeLast()
        }
        guard !words.isEmpty else { return nil }
        return Group(side: side, nerveLabel: words.joined(separator: " "), recordingLabel: recording, kind: kind)
    }

    private mutating func startGroup(_ group: Group, section: SummaryCSVReader.Section, line: Int) {
        let location = at(line)
        let nerve = names.nerve(group.nerveLabel)
        if nerve == nil {
            log.report(.unknownNerve(group.nerveLabel), at: location, field: "nerve")
        }
        let recording = group.recordingLabel.isEmpty ? nil : names.recordingSite(group.recordingLabel, nerve: nerve)
        if recording == nil && !group.recordingLabel.isEmpty {
            log.report(.unknownRecordingSite(group.recordingLabel), at: location, field: "recording")
        }
        if section == .motor {
            study.motor.append(
                MotorStudy(
                    nerve: nerve, nerveLabel: group.nerveLabel, side: group.side, recording: recording,
                    recordingLabel: group.recordingLabel, source: location))
            motorIndex = study.motor.count - 1
        } else {
            study.sensory.append(
                SensoryStudy(
                    nerve: nerve, nerveLabel: group.nerveLabel, side: group.side, recording: recording,
                    recordingLabel: group.recordingLabel,
                    method: section == .orthoSensory ? .orthodromic : .antidromic, source: location))
            sensoryIndex = study.sensory.count - 1
        }
    }

    private mutating func number(
        _ cells: [String], _ header: Header, _ column: Column, _ quantity: Quantity, line: Int
    ) -> Double? {
        guard let index = header.columns[column], index < cells.count, !cells[index].isEmpty else { return nil }
        let field = header.names[index] ?? "\(column)"
        guard let value = ValueParsing.number(cells[index], decimalComma: decimalComma) else {
            log.report(.notANumber(cells[index]), at: at(line), field: field)
            return nil
        }
        return log.possible(value * (header.factors[column] ?? 1), quantity, field: field, at: at(line))
    }

    private mutating func limit(_ cells: [String], _ header: Header, _ column: Column, line: Int) -> LabLimit? {
        guard let index = header.columns[column], index < cells.count, !cells[index].isEmpty else { return nil }
        guard
            let parsed = ValueParsing.labLimit(
                cells[index], decimalComma: decimalComma, factor: header.factors[column] ?? 1)
        else {
            log.report(.badLimit(cells[index]), at: at(line), field: header.names[index] ?? "norm")
            return nil
        }
        return parsed
    }

    private func cell(_ cells: [String], _ header: Header, _ column: Column) -> String {
        guard let index = header.columns[column], index < cells.count else { return "" }
        return cells[index]
    }

    private mutating func ncsRow(_ cells: [String], header: Header, section: SummaryCSVReader.Section, line: Int) {
        let location = at(line)
        let siteLabel = cell(cells, header, .site).isEmpty ? cells[0] : cell(cells, header, .site)
        let noResponse = ValueParsing.flag(cell(cells, header, .nr)) ?? false
        if section == .motor {
            guard let motorIndex else {
                log.report(.siteBeforeNerve, at: location, field: siteLabel)
                return
            }
            let nerve = study.motor[motorIndex].nerve
            let mapped = names.stimulationSite(siteLabel, nerve: nerve)
            if mapped == nil {
                log.report(.unknownStimulationSite(siteLabel), at: location, field: "Site")
            }
            var site = MotorSite(site: mapped, siteLabel: siteLabel, source: location)
            site.noResponse = noResponse
            site.latencyMs = number(cells, header, .onset, .time, line: line)
            site.amplitudeMV = number(cells, header, .amplitude, .motorAmplitude, line: line)
            site.durationMs = number(cells, header, .duration, .time, line: line)
            site.areaMVms = number(cells, header, .area, .area, line: line)
            if let norm = limit(cells, header, .normOnset, line: line) { site.labLimits["latency"] = norm }
            if let norm = limit(cells, header, .normAmplitude, line: line) { site.labLimits["amplitude"] = norm }
            if noResponse && (site.latencyMs != nil || site.amplitudeMV != nil) {
                log.report(.noResponseWithValues(.summaryCSV), at: location, field: "NR")
                site.latencyMs = nil
                site.amplitudeMV = nil
                site.durationMs = nil
                site.areaMVms = nil
            }
            let site1 = cell(cells, header, .site1)
            let site2 = cell(cells, header, .site2)
            let distance = number(cells, header, .distance, .distance, line: line)
            let velocity = number(cells, header, .velocity, .velocity, line: line)
            let delta = number(cells, header, .delta, .time, line: line)
            let velocityNorm = limit(cells, header, .normVelocity, line: line)
            if site1.isEmpty && site2.isEmpty {
                site.distanceCm = distance
                if velocity != nil {
                    log.report(.velocityWithoutSites, at: location, field: "Vel")
                }
            } else if !site1.isEmpty && !site2.isEmpty {
                var segment = Segment(
                    from: names.stimulationSite(site1, nerve: nerve), fromLabel: site1,
                    to: names.stimulationSite(site2, nerve: nerve), toLabel: site2, source: location)
                if segment.from == nil || segment.to == nil {
                    log.report(
                        .unknownSegmentEnd(segment.from == nil ? site1 : site2), at: location, field: "Site1/Site2")
                }
                segment.distanceCm = distance
                segment.velocityMS = velocity
                segment.latencyDifferenceMs = delta
                if let velocityNorm { segment.labLimits["velocity"] = velocityNorm }
                study.motor[motorIndex].segments.append(segment)
            } else {
                log.report(.halfSegment, at: location, field: "Site1/Site2")
            }
            study.motor[motorIndex].sites.append(site)
            ValueParsing.keepComment(cell(cells, header, .comment), in: &study.motor[motorIndex].comment)
        } else {
            guard let sensoryIndex else {
                log.report(.siteBeforeNerve, at: location, field: siteLabel)
                return
            }
            let nerve = study.sensory[sensoryIndex].nerve
            let mapped = names.stimulationSite(siteLabel, nerve: nerve)
            if mapped == nil {
                log.report(.unknownStimulationSite(siteLabel), at: location, field: "Site")
            }
            var site = SensorySite(site: mapped, siteLabel: siteLabel, source: location)
            site.noResponse = noResponse
            site.onsetLatencyMs = number(cells, header, .onset, .time, line: line)
            site.peakLatencyMs = number(cells, header, .peak, .time, line: line)
            site.amplitudeUV = number(cells, header, .amplitude, .sensoryAmplitude, line: line)
            if let norm = limit(cells, header, .normOnset, line: line) { site.labLimits["onsetLatency"] = norm }
            if let norm = limit(cells, header, .normPeak, line: line) { site.labLimits["peakLatency"] = norm }
            if let norm = limit(cells, header, .normAmplitude, line: line) { site.labLimits["amplitude"] = norm }
            let site1 = cell(cells, header, .site1)
            let distance = number(cells, header, .distance, .distance, line: line)
            let velocity = number(cells, header, .velocity, .velocity, line: line)
            if site1.isEmpty || Lexicon.key(site1) == Lexicon.key(siteLabel) {
                site.distanceCm = distance
                site.velocityMS = velocity
                if let norm = limit(cells, header, .normVelocity, line: line) { site.labLimits["velocity"] = norm }
            } else if distance != nil || velocity != nil {
                log.report(.sensorySegment, at: location, field: "Site1/Site2")
            }
            if noResponse && (site.amplitudeUV != nil || site.onsetLatencyMs != nil) {
                log.report(.noResponseWithValues(.summaryCSV), at: location, field: "NR")
                site.amplitudeUV = nil
                site.onsetLatencyMs = nil
                site.peakLatencyMs = nil
                site.velocityMS = nil
            }
            study.sensory[sensoryIndex].sites.append(site)
            ValueParsing.keepComment(cell(cells, header, .comment), in: &study.sensory[sensoryIndex].comment)
        }
    }

    // MARK: Late responses

    private mutating func lateResponseRow(
        _ cells: [String], header: Header, section: SummaryCSVReader.Section, line: Int
    ) {
        let location = at(line)
        let label = cell(cells, header, .nerve).isEmpty ? cells[0] : cell(cells, header, .nerve)
        guard let group = parseGroup(label) else {
            log.report(.badNerveCell(label), at: location, field: "Nerve")
            return
        }
        let nerve = names.nerve(group.nerveLabel)
        if nerve == nil {
            log.report(.unknownNerve(group.nerveLabel), at: location, field: "Nerve")
        }
        let recording = names.recordingSite(group.recordingLabel, nerve: nerve)
        let noResponse = ValueParsing.flag(cell(cells, header, .nr)) ?? false
        let latency = number(cells, header, .fLatency, .time, line: line)
        let difference = number(cells, header, .sideDifference, .time, line: line)
        var limits: [String: LabLimit] = [:]
        if let norm = limit(cells, header, .latencyNorm, line: line) {
            limits[section == .fWave ? "minLatency" : "latency"] = norm
        }
        if let norm = limit(cells, header, .sideDifferenceNorm, line: line) { limits["sideDifference"] = norm }
        if section == .fWave {
            var wave = FWaveStudy(
                nerve: nerve, nerveLabel: group.nerveLabel, side: group.side, recording: recording,
                recordingLabel: group.recordingLabel, source: location)
            wave.noResponse = noResponse
            wave.minLatencyMs = noResponse ? nil : latency
            wave.persistencePercent = number(cells, header, .persistence, .percent, line: line)
            wave.sideDifferenceMs = difference
            wave.labLimits = limits
            ValueParsing.keepComment(cell(cells, header, .comment), in: &wave.comment)
            study.fWaves.append(wave)
        } else {
            var reflex = HReflexStudy(
                nerve: nerve, nerveLabel: group.nerveLabel, side: group.side, recording: recording,
                recordingLabel: group.recordingLabel, source: location)
            reflex.noResponse = noResponse
            reflex.latencyMs = noResponse ? nil : latency
            reflex.amplitudeMV = number(cells, header, .hAmplitude, .motorAmplitude, line: line)
            reflex.sideDifferenceMs = difference
            reflex.labLimits = limits
            ValueParsing.keepComment(cell(cells, header, .comment), in: &reflex.comment)
            study.hReflexes.append(reflex)
        }
    }

    // MARK: Needle EMG

    private mutating func emgRow(_ cells: [String], header: Header, line: Int) {
        let location = at(line)
        let sideText = cell(cells, header, .side)
        let label = cell(cells, header, .muscle)
        guard let side = Lexicon.side(sideText) else {
            log.report(.unknownRowSide(sideText, expected: .summarySide), at: location, field: "Side")
            return
        }
        let muscle = names.muscle(label)
        if muscle == nil {
            log.report(.unknownMuscle(label), at: location, field: "Muscle")
        }
        var exam = NeedleExam(muscle: muscle, muscleLabel: label, side: side, source: location)
        func grade(_ column: Column, _ name: String) -> SpontaneousGrade? {
            log.category(
                cell(cells, header, column), field: name, at: location, expected: .spontaneousGrade,
                Lexicon.spontaneousGrade)
        }
        exam.insertionalActivity = log.category(
            cell(cells, header, .insertional), field: "Ins Act", at: location, expected: .abbreviatedActivity,
            Lexicon.activity)
        exam.fibrillations = grade(.fibs, "Fibs")
        exam.positiveSharpWaves = grade(.psw, "Psw")
        exam.fasciculations = grade(.fasc, "Fasc")
        exam.muapAmplitude = log.category(
            cell(cells, header, .muapAmplitude), field: "Amp", at: location, expected: .abbreviatedActivity,
            Lexicon.activity)
        exam.muapDuration = log.category(
            cell(cells, header, .muapDuration), field: "Dur", at: location, expected: .abbreviatedActivity,
            Lexicon.activity)
        if let (change, count) = log.category(
            cell(cells, header, .poly), field: "Poly", at: location, expected: .summaryPolyphasia,
            Lexicon.polyphasia)
        {
            exam.polyphasia = change
            exam.polyphasiaGrade = count
        }
        exam.recruitment = log.category(
            cell(cells, header, .recruitment), field: "Recrt", at: location,
            expected: .abbreviatedRecruitment, Lexicon.recruitment)
        let pattern = cell(cells, header, .interference)
        exam.interferencePattern = pattern.isEmpty ? nil : pattern
        ValueParsing.keepComment(cell(cells, header, .comment), in: &exam.comment)
        study.needle.append(exam)
    }

    // MARK: End

    mutating func finish(fallbackID: String) -> ImportedStudy {
        if let explicitStudyID {
            study.id = explicitStudyID
        } else {
            // summary-csv carries no study id: the patient id and test date identify the study.
            switch (study.patient.id, study.date) {
            case (let patient?, let date?): study.id = "\(patient)_\(date)"
            case (let patient?, nil): study.id = patient
            default: study.id = fallbackID
            }
        }
        var diagnostics = log.items
        for index in diagnostics.indices { diagnostics[index].studyID = study.id }
        let rejected = log.hasErrors
        return ImportedStudy(
            status: rejected ? .rejected : .imported, study: rejected ? nil : study, studyID: study.id,
            location: study.source, diagnostics: diagnostics)
    }
}

/// Formats a Double back to text for the quantity reader without losing precision.
enum ValueParsingFormat {
    static func plain(_ value: Double) -> String { "\(value)" }
}
