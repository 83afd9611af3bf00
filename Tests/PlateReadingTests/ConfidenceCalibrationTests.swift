import Testing

@testable import PlateReading

struct ConfidenceCalibrationTests {
    let table = ConfidenceCalibration(points: [(0.1, 0.2), (0.5, 0.8), (0.3, 0.4)])

    @Test func interpolatesBetweenPointsInRawOrder() {
        #expect(abs(table(0.2) - 0.3) < 1e-9)
        #expect(abs(table(0.4) - 0.6) < 1e-9)
    }

    @Test func staysWithinTheFittedRangeAtTheEnds() {
        #expect(table(0.9) == 0.8)
        #expect(abs(table(0.05) - 0.1) < 1e-9)
        #expect(table(0) == 0)
    }

    @Test func fittedTablesNeverFallAsTheRawScoreRises() {
        for (model, calibration) in ConfidenceCalibration.fitted {
            let values = stride(from: 0.0, through: 1.0, by: 0.01).map { calibration($0) }
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }, "\(model)")
            #expect(values.allSatisfy { (0...1).contains($0) }, "\(model)")
            #expect(values.last! < 1, "\(model): no read is certain")
        }
    }

    @Test func readingsDifferingOnlyInUmlautDotsShareTheirCalibratedConfidence() throws {
        let eng = try #require(ConfidenceCalibration.fitted["eng"])
        let bo = PlateHypothesis(text: "BO-Y 632", normalized: "BOY632", country: "D", confidence: 0.46)
        let bö = PlateHypothesis(text: "BÖ-Y 632", normalized: "BÖY632", country: "D", confidence: 0.23)
        let other = PlateHypothesis(text: "B-Y 632", normalized: "BY632", country: "D", confidence: 0.05)
        #expect(eng(0.46) > 0.9) // alone, a BO read this sure would be reported at over 0.9
        let calibrated = eng.calibrate([bo, bö, other], among: [bo, bö, other], plausibility: 1)
        #expect(calibrated[0].confidence < 0.7) // BO is right 2/3 of the time at most
        #expect(abs(calibrated[0].confidence / calibrated[1].confidence - 2) < 1e-9)
        #expect(calibrated[2].confidence == eng(0.05))
    }

    @Test func aReadingWithoutAnUmlautTwinKeepsItsCalibration() {
        let plate = PlateHypothesis(text: "DÜW-X 7", normalized: "DÜWX7", country: "D", confidence: 0.4)
        let twinless = table.calibrate([plate], among: [plate], plausibility: 0.9)
        #expect(twinless[0].confidence == table(0.4 * 0.9))
    }

    @Test func identityLeavesScoresAlone() {
        #expect(ConfidenceCalibration.identity(0.37) == 0.37)
    }
}
