import EDXReference
import EDXTestSupport
import Foundation
import Testing

@Suite("Published reference values by age and height band")
struct ReferenceValueTests {
    func limit(_ study: ReferenceStudy, _ measure: Measure, age: Double?, height: Double?) -> ReferenceLimit {
        ReferenceValues.limit(study, measure, ageYears: age, heightCm: height)!
    }

    @Test("Peroneal EDB amplitude: 2.6 mV up to age 39, 1.1 mV from 40, 1.3 mV when age is unknown")
    func peronealAmplitudeBands() {
        #expect(limit(.peronealEDB, .amplitude, age: 39, height: nil).value == 2.6)
        #expect(limit(.peronealEDB, .amplitude, age: 40, height: nil).value == 1.1)
        #expect(limit(.peronealEDB, .amplitude, age: 79, height: nil).value == 1.1)
        let unknown = limit(.peronealEDB, .amplitude, age: nil, height: nil)
        #expect(unknown.value == 1.3)
        #expect(unknown.band == nil)
        #expect(unknown.assumptions == [.covariatesMissing([.age], mostLenientBand: nil)])
        let old = limit(.peronealEDB, .amplitude, age: 85, height: nil)
        #expect(old.value == 1.1)
        #expect(
            old.assumptions == [.outsideReferencePopulation(ageYears: 85, heightCm: nil, nearestBand: "age 40-79 y")])
        let young = limit(.peronealEDB, .amplitude, age: 16, height: nil)
        #expect(young.value == 2.6)
        #expect(!young.assumptions.isEmpty)
        #expect(old.citation.sources.first == "S6")
        #expect(old.citation.evidence == .transcribed)
    }

    @Test("Peroneal leg velocity by height and age, all four cells and the all-subjects fallback")
    func peronealVelocityBands() {
        #expect(limit(.peronealEDB, .legVelocity, age: 39, height: 169).value == 43)
        #expect(limit(.peronealEDB, .legVelocity, age: 40, height: 169).value == 39)
        #expect(limit(.peronealEDB, .legVelocity, age: 39, height: 170).value == 37)
        #expect(limit(.peronealEDB, .legVelocity, age: 40, height: 170).value == 36)
        let noHeight = limit(.peronealEDB, .legVelocity, age: 40, height: nil)
        #expect(noHeight.value == 38)
        #expect(noHeight.assumptions == [.covariatesMissing([.height], mostLenientBand: nil)])
        #expect(
            limit(.peronealEDB, .legVelocity, age: nil, height: nil).assumptions
                == [.covariatesMissing([.age, .height], mostLenientBand: nil)])
    }

    @Test("Peroneal TA latency by height: 4.1 / 4.7 / 5.4 ms")
    func tibialisAnteriorLatency() {
        #expect(limit(.peronealTA, .distalLatency, age: 50, height: 159).value == 4.1)
        #expect(limit(.peronealTA, .distalLatency, age: 50, height: 160).value == 4.7)
        #expect(limit(.peronealTA, .distalLatency, age: 50, height: 180).value == 4.7)
        #expect(limit(.peronealTA, .distalLatency, age: 50, height: 181).value == 5.4)
        #expect(limit(.peronealTA, .amplitude, age: 29, height: nil).value == 2.1)
        #expect(limit(.peronealTA, .amplitude, age: 30, height: nil).value == 1.5)
    }

    @Test("Tibial amplitude by age and velocity by height and age")
    func tibialBands() {
        #expect(limit(.tibialAH, .amplitude, age: 29, height: nil).value == 5.8)
        #expect(limit(.tibialAH, .amplitude, age: 30, height: nil).value == 5.3)
        #expect(limit(.tibialAH, .amplitude, age: 59, height: nil).value == 5.3)
        #expect(limit(.tibialAH, .amplitude, age: 60, height: nil).value == 1.1)
        #expect(limit(.tibialAH, .legVelocity, age: 49, height: 159).value == 44)
        #expect(limit(.tibialAH, .legVelocity, age: 50, height: 159).value == 40)
        #expect(limit(.tibialAH, .legVelocity, age: 49, height: 165).value == 42)
        #expect(limit(.tibialAH, .legVelocity, age: 50, height: 165).value == 37)
        #expect(limit(.tibialAH, .legVelocity, age: 49, height: 175).value == 37)
        #expect(limit(.tibialAH, .legVelocity, age: 50, height: 175).value == 34)
        #expect(limit(.tibialAH, .legVelocity, age: nil, height: 175).value == 39)
    }

    @Test("H-reflex latency by age and height, with the suspect cell replaced by the all-subjects limit")
    func hReflexBands() {
        #expect(limit(.hReflex, .hLatency, age: 30, height: 159).value == 29.8)
        #expect(limit(.hReflex, .hLatency, age: 30, height: 185).value == 35.9)
        #expect(limit(.hReflex, .hLatency, age: 45, height: 175).value == 33.5)
        let suspect = limit(.hReflex, .hLatency, age: 45, height: 185)
        #expect(suspect.value == 35.0)
        #expect(suspect.citation.detail.contains("transcription error"))
        #expect(limit(.hReflex, .hLatency, age: 60, height: 165).value == 35.6)
        #expect(limit(.hReflex, .hLatency, age: nil, height: 165).value == 35.0)
        // Every cell of the age-by-height table, at the lower edge of each band.
        let cells: [(Double, Double, Double)] = [
            (19, 0, 29.8), (19, 160, 32.3), (19, 170, 33.7), (19, 180, 35.9),
            (40, 0, 29.7), (40, 160, 32.8), (40, 170, 33.5), (40, 180, 35.0),
            (50, 0, 33.6), (50, 160, 35.6), (50, 170, 35.6), (50, 180, 36.4),
        ]
        for (age, height, value) in cells {
            #expect(
                limit(.hReflex, .hLatency, age: age, height: max(height, 150)).value == value, "\(age) y, \(height) cm")
        }
        #expect(limit(.hReflex, .latencyDifference, age: 60, height: 165).value == 2.0)
    }

    @Test("Sensory limits and their techniques")
    func sensory() {
        #expect(limit(.sural, .amplitude, age: 70, height: nil).value == 4)
        #expect(
            limit(.superficialPeroneal, .amplitude, age: 70, height: nil).citation.detail.contains("not a percentile"))
        #expect(limit(.saphenous, .amplitude, age: 70, height: nil).value == 2)
        #expect(ReferenceStudy.peronealTA.technique.minimumTemperatureC == 31)
    }

    @Test("No published limit: nil, never a guess")
    func missing() {
        // The femoral CMAP has a published range only, no lower limit (S6).
        #expect(ReferenceValues.limit(.femoralMotor, .amplitude, ageYears: 50, heightCm: 170) == nil)
        #expect(ReferenceValues.limit(.superficialPeroneal, .sensoryVelocity, ageYears: 50, heightCm: 170) == nil)
    }

    @Test("Every published row and every criterion names a source known to the bibliography")
    func citations() {
        let citations = ReferenceValues.table().map(\.citation) + Criteria.all.map(\.threshold.citation)
        for citation in citations {
            #expect(!citation.sources.isEmpty)
            for key in citation.sources { #expect(Bibliography.short[key] != nil, "unknown source \(key)") }
        }
    }
}
