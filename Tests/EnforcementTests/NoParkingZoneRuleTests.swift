import Foundation
import Testing
import Enforcement

@Suite struct NoParkingZoneRuleTests {
    let fireLane = RuleFixtures.zone(.noParking, hours: "24/7", confirmation: 5)
    let loadingBay = RuleFixtures.zone(.noParking, hours: "Mo-Fr 07:00-11:00", confirmation: 1)

    @Test func violationAfterTheConfirmationTime() {
        #expect(fireLane.decide("2025-06-08 03:00") == .pending(until: berlin("2025-06-08 03:05")))
        #expect(fireLane.decide("2025-06-08 03:00", "2025-06-08 03:04") == .pending(until: berlin("2025-06-08 03:05")))
        let decision = fireLane.decide("2025-06-08 03:00", "2025-06-08 03:05")
        #expect(decision == .violation(rule: .noParking, detail: "seen from 03:00 to 03:05 (5 min)"))
    }

    @Test func stoppingUpToThreeMinutesIsNeverAViolation() {
        // The zone asks for 1 minute, but stopping up to 3 minutes is not parking.
        let floor = berlin("2025-06-02 08:00").addingTimeInterval(ZoneRule.stoppingLimit + 1)
        #expect(loadingBay.decide("2025-06-02 08:00", "2025-06-02 08:02") == .pending(until: floor))
        #expect(loadingBay.decide("2025-06-02 08:00", "2025-06-02 08:03") == .pending(until: floor))
        #expect(loadingBay.decide("2025-06-02 08:00", "2025-06-02 08:04").violatedRule == .noParking)
    }

    @Test func noParkingOutsideHoursIsNotEnforced() {
        #expect(loadingBay.decide("2025-06-02 11:00", "2025-06-02 12:00") == .notEnforced)
        #expect(loadingBay.decide("2025-06-07 08:00", "2025-06-07 09:00") == .notEnforced)
        // Parked before the hours: counted from 07:00.
        #expect(loadingBay.decide("2025-06-02 06:00", "2025-06-02 07:02")
                == .pending(until: berlin("2025-06-02 07:00").addingTimeInterval(ZoneRule.stoppingLimit + 1)))
    }

    @Test func exemptionIsCompliant() {
        #expect(fireLane.decide("2025-06-08 03:00", "2025-06-08 04:00", [.exemption]) == .compliant(.exemption))
    }

    @Test func sightingsInEitherOrderGiveTheSameDecision() {
        let forward = ParkingObservation(firstSeen: berlin("2025-06-08 03:00"), lastSeen: berlin("2025-06-08 03:30"))
        let backward = ParkingObservation(firstSeen: berlin("2025-06-08 03:30"), lastSeen: berlin("2025-06-08 03:00"))
        #expect(forward == backward)
        #expect(fireLane.decision(for: backward, rights: []).violatedRule == .noParking)
    }
}
