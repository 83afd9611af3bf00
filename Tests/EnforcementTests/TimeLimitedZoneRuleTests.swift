import Foundation
import Testing
import Enforcement

@Suite struct TimeLimitedZoneRuleTests {
    let disc = RuleFixtures.zone(.timeLimited, hours: "Mo-Fr 08:00-18:00", maxStay: 120, disc: true, grace: 5)
    let noDisc = RuleFixtures.zone(.timeLimited, hours: "Mo-Fr 08:00-18:00", maxStay: 120, grace: 5)

    @Test func discIsSetToTheNextHalfHour() {
        #expect(ParkingDisc.setting(forArrival: berlin("2025-06-02 10:05")) == berlin("2025-06-02 10:30"))
        #expect(ParkingDisc.setting(forArrival: berlin("2025-06-02 10:00")) == berlin("2025-06-02 10:30"))
        #expect(ParkingDisc.setting(forArrival: berlin("2025-06-02 10:30")) == berlin("2025-06-02 11:00"))
        #expect(ParkingDisc.setting(forArrival: berlin("2025-06-02 10:59")) == berlin("2025-06-02 11:00"))
        #expect(ParkingDisc.setting(forArrival: berlin("2025-06-02 23:45")) == berlin("2025-06-03 00:00"))
    }

    @Test func withDiscTheLimitRunsFromTheDiscSettingPlusGrace() {
        // Arrived 10:05: disc 10:30, max stay to 12:30, grace to 12:35.
        #expect(disc.decide("2025-06-02 10:05") == .pending(until: berlin("2025-06-02 12:35")))
        #expect(disc.decide("2025-06-02 10:05", "2025-06-02 12:34") == .pending(until: berlin("2025-06-02 12:35")))
        let decision = disc.decide("2025-06-02 10:05", "2025-06-02 12:36")
        #expect(decision.violatedRule == .maxStayExceeded)
        guard case .violation(_, let detail) = decision else { return }
        #expect(detail == "first seen 10:05, disc 10:30, seen again 12:36; max stay 120 min + grace 5 min ended 12:35")
    }

    @Test func withoutDiscTheLimitRunsFromTheFirstSighting() {
        #expect(noDisc.decide("2025-06-02 10:05") == .pending(until: berlin("2025-06-02 12:10")))
        #expect(noDisc.decide("2025-06-02 10:05", "2025-06-02 12:09") == .pending(until: berlin("2025-06-02 12:10")))
        #expect(noDisc.decide("2025-06-02 10:05", "2025-06-02 12:11").violatedRule == .maxStayExceeded)
    }

    @Test func limitStartsWithTheHours() {
        #expect(disc.decide("2025-06-02 07:10", "2025-06-02 10:04") == .pending(until: berlin("2025-06-02 10:05")))
        #expect(disc.decide("2025-06-02 07:10", "2025-06-02 10:06").violatedRule == .maxStayExceeded)
        #expect(noDisc.decide("2025-06-02 07:10", "2025-06-02 10:06").violatedRule == .maxStayExceeded)
    }

    @Test func afterHoursOverstayIsNotEnforced() {
        #expect(disc.decide("2025-06-02 15:00", "2025-06-02 18:30") == .notEnforced)
    }

    @Test func permitOrExemptionAllowsLongerStays() {
        let residentsExempt = RuleFixtures.zone(.timeLimited, hours: "Mo-Fr 08:00-18:00", maxStay: 60, areas: ["W1"])
        #expect(residentsExempt.decide("2025-06-02 09:00", "2025-06-02 17:00", [.residentPermit(areas: ["W1"])])
                == .compliant(.residentPermit(area: "W1")))
        #expect(residentsExempt.decide("2025-06-02 09:00", "2025-06-02 17:00", [.residentPermit(areas: ["W2"])])
                .violatedRule == .maxStayExceeded)
        #expect(disc.decide("2025-06-02 09:00", "2025-06-02 17:00", [.exemption]) == .compliant(.exemption))
        // A paid session is not a right in a time-limited zone.
        let session = ParkingRight.paidSession(start: berlin("2025-06-02 09:00"), end: berlin("2025-06-02 18:00"))
        #expect(noDisc.decide("2025-06-02 09:00", "2025-06-02 17:00", [session]).violatedRule == .maxStayExceeded)
    }
}
