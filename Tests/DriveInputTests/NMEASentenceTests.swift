import Foundation
import Testing
@testable import DriveInput

@Test func checksumIsTheXOROfTheBodyBytes() {
    // 'A' = 0x41, 'B' = 0x42: 0x41 ^ 0x42 = 0x03.
    #expect(NMEAParser.checksum(ofBody: Array("AB".utf8)) == 0x03)
    #expect(NMEAParser.checksum(ofBody: Array("".utf8)) == 0)
}

@Test func sentenceWithCorrectChecksumIsAccepted() throws {
    let gga = try NMEAParser.sentence(from: "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47")
    #expect(gga != nil)
    // Lower-case hex digits are accepted too.
    let rmc = try NMEAParser.sentence(from: "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6a")
    #expect(rmc != nil)
}

@Test func sentenceWithWrongChecksumIsRejectedNamingBothValues() {
    #expect {
        try NMEAParser.sentence(from: "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*48")
    } throws: { error in
        (error as? DriveInputError)?.message == "checksum is 47, sentence says 48"
    }
}

@Test func sentenceWithoutChecksumIsRejected() {
    #expect(throws: DriveInputError.self) {
        try NMEAParser.sentence(from: "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,")
    }
    #expect(throws: DriveInputError.self) { try NMEAParser.sentence(from: "$GPGGA,123519*4") }
}

@Test func coordinatesConvertToDecimalDegrees() throws {
    let parsed = try NMEAParser.sentence(from: "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A")
    guard case .rmc(let rmc) = parsed, let location = rmc.location else {
        Issue.record("expected an RMC with a position, got \(String(describing: parsed))")
        return
    }
    // 48° 07.038' = 48 + 7.038 / 60 = 48.1173; 11° 31.000' = 11.516666…
    #expect(abs(location.latitude - 48.1173) < 1e-9)
    #expect(abs(location.longitude - (11 + 31.0 / 60)) < 1e-9)
}

@Test func southAndWestAreNegative() throws {
    let parsed = try NMEAParser.sentence(from: sentence("GPGGA,101010.50,3352.128,S,15112.558,W,1,07,1.1,12.0,M,,M,,"))
    guard case .gga(let gga) = parsed, let location = gga.location else {
        Issue.record("expected a GGA with a position")
        return
    }
    #expect(abs(location.latitude - -(33 + 52.128 / 60)) < 1e-9)
    #expect(abs(location.longitude - -(151 + 12.558 / 60)) < 1e-9)
    #expect(gga.secondsOfDay == 36_610.5) // 10:10:10.5
}

@Test func recommendedMinimumFieldsAreRead() throws {
    let parsed = try NMEAParser.sentence(from: "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A")
    guard case .rmc(let rmc) = parsed else {
        Issue.record("expected RMC")
        return
    }
    #expect(rmc.isValid)
    #expect(rmc.time == utc(1994, 3, 23, 12, 35, 19))
    #expect(rmc.speedKnots == 22.4)
    #expect(rmc.course == 84.4)
}

@Test func fixDataFieldsAreRead() throws {
    let parsed = try NMEAParser.sentence(from: "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47")
    guard case .gga(let gga) = parsed else {
        Issue.record("expected GGA")
        return
    }
    #expect(gga.fixQuality == 1)
    #expect(gga.satellites == 8)
    #expect(gga.horizontalDilution == 0.9)
    #expect(gga.altitude == 545.4)
    #expect(gga.secondsOfDay == 45_319) // 12:35:19
    #expect(gga.hasFix)
}

@Test func voidRecommendedMinimumIsNotValid() throws {
    let parsed = try NMEAParser.sentence(from: "$GPRMC,123519,V,,,,,,,230394,,*33")
    guard case .rmc(let rmc) = parsed else {
        Issue.record("expected RMC")
        return
    }
    #expect(!rmc.isValid)
    #expect(rmc.location == nil)
    #expect(rmc.time == utc(1994, 3, 23, 12, 35, 19))
}

@Test func combinedGNSSTalkerIsRead() throws {
    let parsed = try NMEAParser.sentence(from: sentence("GNRMC,083559.00,A,5230.1234,N,01322.5000,E,0.5,,261124,,,A"))
    guard case .rmc(let rmc) = parsed else {
        Issue.record("expected RMC")
        return
    }
    #expect(rmc.time == utc(2024, 11, 26, 8, 35, 59))
}

@Test func otherSentenceTypesAreIgnored() throws {
    #expect(try NMEAParser.sentence(from: sentence("GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00")) == nil)
    #expect(try NMEAParser.sentence(from: sentence("PUBX,00,081350.00,4717.113210,N")) == nil)
    #expect(try NMEAParser.sentence(from: "") == nil)
    #expect(try NMEAParser.sentence(from: "   \r") == nil)
}

@Test func malformedLatitudeIsRejectedNamingTheField() {
    #expect {
        try NMEAParser.sentence(from: sentence("GPRMC,123519,A,48x7.038,N,01131.000,E,022.4,084.4,230394,003.1,W"))
    } throws: { error in
        (error as? DriveInputError)?.message == "latitude \"48x7.038\" is not ddmm.mmmm"
    }
    #expect(throws: DriveInputError.self) {
        try NMEAParser.sentence(from: sentence("GPRMC,123519,A,4807.038,Q,01131.000,E,022.4,084.4,230394,003.1,W"))
    }
    #expect(throws: DriveInputError.self) {
        try NMEAParser.sentence(from: sentence("GPRMC,123519,A,4867.038,N,01131.000,E,022.4,084.4,230394,003.1,W"))
    }
}

@Test func truncatedSentenceWithValidChecksumIsRejected() {
    #expect(throws: DriveInputError.self) { try NMEAParser.sentence(from: sentence("GPRMC,123519,A,4807.038")) }
    #expect(throws: DriveInputError.self) { try NMEAParser.sentence(from: sentence("GPGGA,123519")) }
}
