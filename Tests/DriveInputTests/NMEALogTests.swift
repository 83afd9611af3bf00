import Foundation
import Testing
@testable import DriveInput

private func log(_ lines: [String]) -> GPSLog {
    NMEAParser.log(from: Data(lines.joined(separator: "\r\n").utf8), file: "gps.nmea")
}

@Test func voidRecommendedMinimumGivesNoFix() {
    let result = log(["$GPRMC,123519,V,,,,,,,230394,,*33"])
    #expect(result.fixes.isEmpty)
    #expect(result.issues.isEmpty)
}

@Test func fixDataIsDatedFromTheNearestRecommendedMinimum() throws {
    let result = log([
        sentence("GPRMC,235958,A,4807.000,N,01131.000,E,10.0,90.0,261124,,"),
        sentence("GPGGA,235959,4807.001,N,01131.001,E,1,08,0.9,500.0,M,,M,,"),
        // The next RMC is already on the next day; the GGA before it is nearer to it.
        sentence("GPGGA,000000,4807.002,N,01131.002,E,1,08,0.9,500.0,M,,M,,"),
        sentence("GPRMC,000001,A,4807.003,N,01131.003,E,10.0,90.0,271124,,"),
    ])
    #expect(result.issues.isEmpty)
    let times = result.fixes.map(\.time)
    #expect(times == [
        utc(2024, 11, 26, 23, 59, 58), utc(2024, 11, 26, 23, 59, 59),
        utc(2024, 11, 27, 0, 0, 0), utc(2024, 11, 27, 0, 0, 1),
    ])
}

@Test func fixDataRightAfterMidnightTakesTheNextDay() {
    // Only one RMC, dated the 26th just before midnight; the GGA at 00:00:02 is the 27th.
    let time = NMEAParser.dated(secondsOfDay: 2, near: utc(2024, 11, 26, 23, 59, 59))
    #expect(time == utc(2024, 11, 27, 0, 0, 2))
    let before = NMEAParser.dated(secondsOfDay: 86_399, near: utc(2024, 11, 27, 0, 0, 1))
    #expect(before == utc(2024, 11, 26, 23, 59, 59))
}

@Test func recommendedMinimumAndFixDataOfOneMomentMergeIntoOneFix() throws {
    let result = log([
        "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A",
        "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47",
    ])
    let fix = try #require(result.fixes.first)
    #expect(result.fixes.count == 1)
    #expect(fix.altitude == 545.4)
    #expect(fix.satellites == 8)
    #expect(fix.horizontalDilution == 0.9)
    #expect(abs((fix.speed ?? 0) - 22.4 * 1852 / 3600) < 1e-9)
    #expect(fix.course == 84.4)
}

@Test func badLinesAreIssuesWithTheirLineNumbers() {
    let result = log([
        sentence("GPRMC,100000,A,4807.000,N,01131.000,E,10.0,90.0,261124,,"),
        sentence("GPGSV,3,1,11,03,03,111,00"),
        "$GPRMC,100001,A,4807.001,N,01131.000,E,10.0,90.0,261124,,*4B",
        "",
        "$GPRMC,100002,A,4807.002,N,01131.000,E,10.0,90.0,261124,,",
        "garbage",
        sentence("GPRMC,100003,A,4807.003,N,01131.000,E,10.0,90.0,261124,,"),
    ])
    #expect(result.fixes.count == 2)
    #expect(result.issues.map(\.line) == [3, 5, 6])
    #expect(result.issues.first?.description == "gps.nmea:3: checksum is 1F, sentence says 4B; skipped")
    #expect(result.issues.dropFirst().first?.message == "no checksum (*hh) at the end; skipped")
}

@Test func fixDataWithoutAnyDateIsReportedOnce() {
    let result = log([
        sentence("GPGGA,100000,4807.000,N,01131.000,E,1,08,0.9,500.0,M,,M,,"),
        sentence("GPGGA,100001,4807.001,N,01131.000,E,1,08,0.9,500.0,M,,M,,"),
    ])
    #expect(result.fixes.isEmpty)
    #expect(result.issues.count == 1)
    #expect(result.issues.first?.line == nil)
    #expect(result.issues.first?.message.hasPrefix("2 GGA fixes have no date") == true)
}

@Test func fixDataWithoutFixGivesNoFix() {
    let result = log([
        sentence("GPRMC,100000,V,,,,,,,261124,,"),
        sentence("GPGGA,100000,,,,,0,00,99.9,,M,,M,,"),
    ])
    #expect(result.fixes.isEmpty)
    #expect(result.issues.isEmpty)
}

@Test func missingNMEAFileIsAnError() {
    #expect {
        try NMEAParser.log(contentsOf: "/nonexistent/gps.nmea")
    } throws: { error in
        (error as? DriveInputError)?.code == .fileMissing
            && (error as? DriveInputError)?.description == "/nonexistent/gps.nmea: no such file"
    }
}
