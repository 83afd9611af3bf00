import Foundation
import Testing
@testable import DriveInput

private let sampleGPX = """
<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="ParkScan tests" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><time>2024-11-26T08:00:00Z</time></metadata>
  <wpt lat="1.0" lon="1.0"><time>2024-11-26T08:00:00Z</time></wpt>
  <trk><name>drive</name>
    <trkseg>
      <trkpt lat="48.137154" lon="11.576124"><ele>519.5</ele><time>2024-11-26T09:12:25.123Z</time></trkpt>
      <trkpt lat="48.137200" lon="11.576200">
        <ele>519.7</ele>
        <time>2024-11-26T10:12:26.5+01:00</time>
        <extensions><time>1999-01-01T00:00:00Z</time></extensions>
      </trkpt>
    </trkseg>
    <trkseg>
      <trkpt lat="48.137300" lon="11.576300"><time>2024-11-26T09:12:27</time></trkpt>
    </trkseg>
  </trk>
</gpx>
"""

private func read(_ text: String) throws -> GPSLog {
    try GPXReader.log(from: Data(text.utf8), file: "track.gpx")
}

@Test func trackPointsAreReadWithElevationAndFractionalSeconds() throws {
    let log = try read(sampleGPX)
    #expect(log.issues.isEmpty)
    #expect(log.fixes.count == 3)
    let first = try #require(log.fixes.first)
    #expect(first.location == GeoPoint(latitude: 48.137154, longitude: 11.576124))
    #expect(first.altitude == 519.5)
    #expect(abs(first.time.timeIntervalSince(utc(2024, 11, 26, 9, 12, 25.123))) < 1e-6)
}

@Test func zoneOffsetsAreTurnedIntoUTC() throws {
    let log = try read(sampleGPX)
    // 10:12:26.5+01:00 is 09:12:26.5 UTC; the <time> inside <extensions> is not the point's.
    #expect(abs(log.fixes[1].time.timeIntervalSince(utc(2024, 11, 26, 9, 12, 26.5))) < 1e-6)
    // GPX times without a zone are UTC by definition.
    #expect(log.fixes[2].time == utc(2024, 11, 26, 9, 12, 27))
    #expect(log.fixes[2].altitude == nil)
}

@Test func trackPointWithoutTimeIsSkippedWithItsLine() throws {
    let log = try read("""
    <gpx version="1.1">
    <trk><trkseg>
    <trkpt lat="48.1" lon="11.5"><time>2024-11-26T09:12:25Z</time></trkpt>
    <trkpt lat="48.1" lon="11.5"></trkpt>
    <trkpt lat="north" lon="11.5"><time>2024-11-26T09:12:27Z</time></trkpt>
    <trkpt lat="48.1" lon="11.5"><time>yesterday</time></trkpt>
    </trkseg></trk>
    </gpx>
    """)
    #expect(log.fixes.count == 1)
    #expect(log.issues.map(\.line) == [4, 5, 6])
    #expect(log.issues.first?.description == "track.gpx:4: track point has no <time>; skipped")
}

@Test func malformedXMLIsAnErrorNamingFileAndLine() {
    #expect {
        try read("""
        <gpx version="1.1">
        <trk><trkseg>
        <trkpt lat="48.1" lon="11.5"><time>2024-11-26T09:12:25Z</time></trkseg>
        </gpx>
        """)
    } throws: { error in
        guard let error = error as? DriveInputError else { return false }
        return error.code == .invalidGPSData && error.path == "track.gpx" && error.line == 3
    }
}

@Test func documentThatIsNotGPXIsRefused() {
    #expect {
        try read("<kml><Placemark/></kml>")
    } throws: { error in
        (error as? DriveInputError)?.message == "not GPX: the root element is <kml>, not <gpx>"
    }
}

@Test func isoTimesInTheirCommonFormsAreRead() throws {
    let expected = utc(2024, 11, 26, 9, 12, 25.25)
    for text in [
        "2024-11-26T09:12:25.25Z", "2024-11-26T09:12:25.250000Z", "2024-11-26T10:12:25.25+01:00",
        "2024-11-26T10:12:25.25+0100", "2024-11-26T10:12:25.25+01", "2024-11-26T04:12:25.25-05:00",
        "2024-11-26 09:12:25.25z",
    ] {
        let parsed = try #require(UTCTime.parseISO8601(text), "\(text)")
        #expect(abs(parsed.timeIntervalSince(expected)) < 1e-6, "\(text)")
    }
    #expect(UTCTime.parseISO8601("2024-02-29T00:00:00Z") != nil)
}

@Test func isoTimesThatAreWrongOrAmbiguousAreRefused() {
    for text in [
        "2024-11-26T09:12:25", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-11-26T24:00:00Z",
        "2024-11-26T09:12:25.Z", "2024-11-26T09:12:25Zjunk", "26.11.2024 09:12", "", "2024-11-26",
    ] {
        #expect(UTCTime.parseISO8601(text) == nil, "\(text)")
    }
    #expect(UTCTime.parseISO8601("2024-11-26T09:12:25", assumingUTC: true) == utc(2024, 11, 26, 9, 12, 25))
}
