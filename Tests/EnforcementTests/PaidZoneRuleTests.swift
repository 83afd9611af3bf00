import Foundation
import Testing
import Enforcement

@Suite struct PaidZoneRuleTests {
    let rule = RuleFixtures.zone(.paid, hours: "Mo-Fr 09:00-19:00; Sa 09:00-14:00", grace: 5)

    @Test func outsideHoursIsNotEnforced() {
        #expect(rule.decide("2025-06-08 11:00", "2025-06-08 12:00") == .notEnforced)  // Sunday
        #expect(rule.decide("2025-06-02 19:00", "2025-06-02 19:30") == .notEnforced)  // after 19:00
        #expect(rule.decide("2025-06-07 14:05") == .notEnforced)                      // Saturday afternoon
    }

    @Test func firstSightingWithoutSessionIsPendingForTheConfirmationTime() {
        #expect(rule.decide("2025-06-02 10:00") == .pending(until: berlin("2025-06-02 10:10")))
        #expect(rule.decide("2025-06-02 10:00", "2025-06-02 10:08") == .pending(until: berlin("2025-06-02 10:10")))
    }

    @Test func confirmedWithoutSessionIsAViolation() {
        let decision = rule.decide("2025-06-02 10:00", "2025-06-02 10:12")
        #expect(decision.violatedRule == .noPaidSession)
        guard case .violation(_, let detail) = decision else { return }
        #expect(detail == "seen from 10:00 to 10:12 (12 min) without a paid session")
        #expect(rule.decide("2025-06-02 10:00", "2025-06-02 10:10").violatedRule == .noPaidSession)
    }

    @Test func sessionCoveringTheSightingIsCompliant() {
        let session = ParkingRight.paidSession(start: berlin("2025-06-02 09:30"), end: berlin("2025-06-02 11:00"))
        #expect(rule.decide("2025-06-02 09:45", "2025-06-02 10:30", [session]) == .compliant(.paidSession))
        #expect(rule.decide("2025-06-02 10:30", nil, [.exemption]) == .compliant(.exemption))
    }

    @Test func graceAppliesAfterTheSessionEnds() {
        let session = ParkingRight.paidSession(start: berlin("2025-06-02 09:00"), end: berlin("2025-06-02 10:00"))
        #expect(rule.decide("2025-06-02 09:50", "2025-06-02 10:04", [session]) == .compliant(.paidSessionGrace))
        // Unpaid from 10:05 (end + grace): confirmed at 10:15.
        #expect(rule.decide("2025-06-02 09:50", "2025-06-02 10:06", [session]) == .pending(until: berlin("2025-06-02 10:15")))
        #expect(rule.decide("2025-06-02 09:50", "2025-06-02 10:16", [session]).violatedRule == .noPaidSession)
    }

    @Test func sessionBoughtBetweenPassesIsCompliant() {
        let session = ParkingRight.paidSession(start: berlin("2025-06-02 10:05"), end: berlin("2025-06-02 12:00"))
        #expect(rule.decide("2025-06-02 10:00", "2025-06-02 10:20", [session]) == .compliant(.paidSession))
    }

    @Test func timeBeforeTheHoursDoesNotCount() {
        #expect(rule.decide("2025-06-02 08:40", "2025-06-02 09:05") == .pending(until: berlin("2025-06-02 09:10")))
        #expect(rule.decide("2025-06-02 08:40", "2025-06-02 09:10") == .violation(
            rule: .noPaidSession, detail: "first seen 08:40, counted from 09:00 to 09:10 (10 min) without a paid session"))
    }

    @Test func residentPermitDoesNotCountInAPaidZone() {
        let decision = rule.decide("2025-06-02 10:00", "2025-06-02 10:30", [.residentPermit(areas: ["W1"])])
        #expect(decision.violatedRule == .noPaidSession)
    }
}
