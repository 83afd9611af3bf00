import Foundation
import Testing
import Enforcement

@Suite struct OpeningHoursTests {
    @Test func weekdayAndSaturdayRules() throws {
        let hours = try OpeningHours("Mo-Fr 08:00-20:00; Sa 08:00-14:00")
        #expect(hours.isActive(at: berlin("2025-06-02 08:00")))   // Monday, start included
        #expect(hours.isActive(at: berlin("2025-06-06 19:59")))   // Friday
        #expect(!hours.isActive(at: berlin("2025-06-06 20:00")))  // end excluded
        #expect(!hours.isActive(at: berlin("2025-06-02 07:59")))
        #expect(hours.isActive(at: berlin("2025-06-07 13:30")))   // Saturday
        #expect(!hours.isActive(at: berlin("2025-06-07 14:30")))
        #expect(!hours.isActive(at: berlin("2025-06-08 10:00")))  // Sunday: free
    }

    @Test func dayListsAndSeveralRanges() throws {
        let hours = try OpeningHours("Mo,We,Fr 08:00-12:00,14:00-18:00")
        #expect(hours.isActive(at: berlin("2025-06-04 09:00")))   // Wednesday morning
        #expect(!hours.isActive(at: berlin("2025-06-04 13:00")))  // lunch break
        #expect(hours.isActive(at: berlin("2025-06-04 17:59")))
        #expect(!hours.isActive(at: berlin("2025-06-03 09:00")))  // Tuesday
    }

    @Test func laterRuleReplacesEarlierForItsDays() throws {
        let hours = try OpeningHours("Mo-Sa 08:00-20:00; Sa 08:00-14:00")
        #expect(!hours.isActive(at: berlin("2025-06-07 15:00")))
        #expect(hours.isActive(at: berlin("2025-06-06 15:00")))
        let closed = try OpeningHours("Mo-Su 08:00-20:00; Su off")
        #expect(!closed.isActive(at: berlin("2025-06-08 10:00")))
        #expect(closed.isActive(at: berlin("2025-06-07 10:00")))
    }

    @Test func alwaysAndWholeDays() throws {
        let always = try OpeningHours("24/7")
        #expect(always.isActive(at: berlin("2025-06-08 03:00")))
        #expect(OpeningHours.always.isActive(at: berlin("2025-12-24 23:59")))
        let weekend = try OpeningHours("Sa,Su")
        #expect(weekend.isActive(at: berlin("2025-06-08 23:59")))
        #expect(!weekend.isActive(at: berlin("2025-06-09 00:00")))
        let wrapping = try OpeningHours("Fr-Mo 10:00-11:00")
        #expect(wrapping.isActive(at: berlin("2025-06-09 10:30")))  // Monday
        #expect(!wrapping.isActive(at: berlin("2025-06-10 10:30"))) // Tuesday
    }

    @Test func rangeOverMidnightBelongsToItsStartDay() throws {
        let hours = try OpeningHours("Fr 22:00-06:00")
        #expect(hours.isActive(at: berlin("2025-06-06 23:00")))   // Friday night
        #expect(hours.isActive(at: berlin("2025-06-07 05:59")))   // Saturday morning
        #expect(!hours.isActive(at: berlin("2025-06-07 06:00")))
        #expect(!hours.isActive(at: berlin("2025-06-06 05:00")))  // Friday morning: Thursday has no range
        #expect(hours.activeSince(berlin("2025-06-07 03:00")) == berlin("2025-06-06 22:00"))
    }

    @Test func activeStretchRunsOnOverMidnight() throws {
        let hours = try OpeningHours("Mo-Fr 00:00-08:00,18:00-24:00; Sa,Su 00:00-24:00")
        #expect(hours.activeSince(berlin("2025-06-03 07:00")) == berlin("2025-06-02 18:00"))
        #expect(hours.activeSince(berlin("2025-06-02 12:00")) == nil)
        #expect(hours.activeSince(berlin("2025-06-09 07:00")) == berlin("2025-06-06 18:00")) // over the weekend
    }

    @Test func wallClockHoursFollowDaylightSavingTime() throws {
        let hours = try OpeningHours("Mo-Su 08:00-20:00")
        // Saturday 29 March 2025, CET (UTC+1): 08:00 local is 07:00 UTC.
        #expect(!hours.isActive(at: utc("2025-03-29 06:30")))
        #expect(hours.isActive(at: utc("2025-03-29 07:00")))
        // Sunday 30 March 2025, the DST change, CEST (UTC+2): 08:00 local is 06:00 UTC.
        #expect(hours.isActive(at: utc("2025-03-30 06:30")))
        #expect(!hours.isActive(at: utc("2025-03-30 18:30")))
        // Sunday 26 October 2025, back to CET: 20:00 local is 19:00 UTC.
        #expect(hours.isActive(at: utc("2025-10-26 18:30")))
        #expect(!hours.isActive(at: utc("2025-10-26 19:00")))
        // Another time zone reads the same text in its own wall clock.
        let london = TimeZone(identifier: "Europe/London")!
        #expect(hours.isActive(at: utc("2025-06-02 07:30"), in: london))
        #expect(!hours.isActive(at: utc("2025-06-02 07:30"), in: TimeZone(identifier: "America/New_York")!))
    }

    @Test func overnightRangeOnTheNightClocksGoBack() throws {
        // 25-26 October 2025: the night has 25 hours; 22:00-06:00 is 9 hours long.
        let hours = try OpeningHours("Sa 22:00-06:00")
        #expect(hours.isActive(at: utc("2025-10-26 04:30")))   // 05:30 CET
        #expect(!hours.isActive(at: utc("2025-10-26 05:00")))  // 06:00 CET
        #expect(hours.activeSince(utc("2025-10-26 04:30")) == utc("2025-10-25 20:00"))
    }

    @Test(arguments: [
        ("", "empty"),
        ("Mo-Fx 08:00-20:00", "unknown day \"Fx\""),
        ("PH off", "public holidays (PH) are not supported"),
        ("Mo-Fr 8:00-20:00", "cannot read time \"8:00\""),
        ("Mo-Fr 08:00-25:00", "is not a time of day"),
        ("Mo-Fr 08:00", "cannot read time range \"08:00\""),
        ("Mo-Fr 10:00-10:00", "is empty"),
        ("Mo-Fr 08:00-20:00 Uhr", "cannot read"),
        ("Mo-Fr 24:00-06:00", "starts at 24:00"),
    ])
    func unsupportedTextIsRejectedWithReason(text: String, expected: String) {
        let error = #expect(throws: OpeningHoursError.self) { try OpeningHours(text) }
        #expect(error?.reason.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.text == text)
    }
}
