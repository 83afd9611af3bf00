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

    @Test func identityLeavesScoresAlone() {
        #expect(ConfidenceCalibration.identity(0.37) == 0.37)
    }
}
