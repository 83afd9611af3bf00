import Foundation
import Testing
import Enforcement

@Suite struct ResidentZoneRuleTests {
    let resident = RuleFixtures.zone(.resident, hours: "Mo-Sa 08:00-20:00", areas: ["W1"])
    let mixed = RuleFixtures.zone(.mixed, hours: "Mo-Fr 08:00-20:00", grace: 5, areas: ["W1", "W2"])

    @Test func permitForTheZonesAreaIsCompliant() {
        #expect(resident.decide("2025-06-02 10:00", "2025-06-02 14:00", [.residentPermit(areas: ["W3", "W1"])])
                == .compliant(.residentPermit(area: "W1")))
    }

    @Test func permitForAnotherAreaIsAViolationOnceConfirmed() {
        let other: [ParkingRight] = [.residentPermit(areas: ["W2"])]
        #expect(resident.decide("2025-06-02 10:00", nil, other) == .pending(until: berlin("2025-06-02 10:10")))
        let decision = resident.decide("2025-06-02 10:00", "2025-06-02 10:25", other)
        #expect(decision.violatedRule == .noResidentPermit)
        guard case .violation(_, let detail) = decision else { return }
        #expect(detail.hasSuffix("without a permit for W1"))
    }

    @Test func paidSessionIsNoRightInAResidentZone() {
        let session = ParkingRight.paidSession(start: berlin("2025-06-02 09:00"), end: berlin("2025-06-02 12:00"))
        #expect(resident.decide("2025-06-02 10:00", "2025-06-02 10:30", [session]).violatedRule == .noResidentPermit)
    }

    @Test func residentZoneOutsideHoursIsNotEnforced() {
        #expect(resident.decide("2025-06-08 10:00", "2025-06-08 12:00") == .notEnforced)
        #expect(resident.decide("2025-06-02 20:30", "2025-06-02 22:00") == .notEnforced)
    }

    @Test func mixedZoneTakesSessionsOrPermits() {
        let session = ParkingRight.paidSession(start: berlin("2025-06-02 09:00"), end: berlin("2025-06-02 11:00"))
        #expect(mixed.decide("2025-06-02 10:00", "2025-06-02 10:30", [session]) == .compliant(.paidSession))
        #expect(mixed.decide("2025-06-02 10:00", "2025-06-02 10:30", [.residentPermit(areas: ["W2"])])
                == .compliant(.residentPermit(area: "W2")))
        #expect(mixed.decide("2025-06-02 11:00", "2025-06-02 11:03", [session]) == .compliant(.paidSessionGrace))
        #expect(mixed.decide("2025-06-02 10:00") == .pending(until: berlin("2025-06-02 10:10")))
        #expect(mixed.decide("2025-06-02 10:00", "2025-06-02 10:30").violatedRule == .noPaidSessionOrPermit)
        #expect(mixed.decide("2025-06-02 10:00", "2025-06-02 10:30", [.residentPermit(areas: ["W9"])]).violatedRule
                == .noPaidSessionOrPermit)
        #expect(mixed.decide("2025-06-07 10:00", "2025-06-07 10:30") == .notEnforced)
    }
}
