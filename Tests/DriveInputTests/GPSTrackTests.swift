import Foundation
import Testing
@testable import DriveInput

private let start = utc(2024, 11, 26, 9, 0, 0)

/// Fixes one second apart at the given points.
private func fixes(_ points: [(Double, Double)], every interval: TimeInterval = 1) -> [GPSFix] {
    points.enumerated().map { index, point in
        GPSFix(time: start.addingTimeInterval(Double(index) * interval), location: GeoPoint(latitude: point.0, longitude: point.1))
    }
}

@Test func positionHalfwayBetweenFixesIsTheMidpoint() throws {
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0001, 11.0002)]))
    let position = try #require(track.position(at: start.addingTimeInterval(0.5)))
    #expect(abs(position.location.latitude - 48.00005) < 1e-12)
    #expect(abs(position.location.longitude - 11.0001) < 1e-12)
    #expect(position.fixAge == 0.5)
}

@Test func positionAtAFixIsTheFix() throws {
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0001, 11.0), (48.0002, 11.0)]))
    #expect(track.position(at: start.addingTimeInterval(1))?.location == GeoPoint(latitude: 48.0001, longitude: 11.0))
    #expect(track.position(at: start.addingTimeInterval(2))?.location == GeoPoint(latitude: 48.0002, longitude: 11.0))
    #expect(track.position(at: start)?.location == GeoPoint(latitude: 48.0, longitude: 11.0))
}

@Test func positionIsUnlocatedBeyondMaximumFixAge() {
    // Two fixes 10 s apart: 2 s from a fix is located, 5 s (the middle) is not.
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (48.001, 11.0)], every: 10))
    #expect(track.position(at: start.addingTimeInterval(2)) != nil)
    #expect(track.position(at: start.addingTimeInterval(8)) != nil)
    #expect(track.position(at: start.addingTimeInterval(5)) == nil)
    let patient = GPSTrack(fixes: track.fixes, maximumFixAge: 5)
    #expect(patient.position(at: start.addingTimeInterval(5)) != nil)
}

@Test func positionIsUnlocatedOutsideTheTrack() {
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0001, 11.0)]))
    #expect(track.position(at: start.addingTimeInterval(-0.1)) == nil)
    #expect(track.position(at: start.addingTimeInterval(1.1)) == nil)
    #expect(GPSTrack(fixes: []).position(at: start) == nil)
}

@Test func headingIsTheBearingOfTravel() throws {
    let north = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0001, 11.0)]))
    let northHeading = try #require(north.position(at: start.addingTimeInterval(0.5))?.heading)
    #expect(abs(northHeading) < 1e-6 || abs(northHeading - 360) < 1e-6)
    let east = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0, 11.0001)]))
    #expect(abs((east.position(at: start.addingTimeInterval(0.5))?.heading ?? 0) - 90) < 0.01)
    let southWest = GPSTrack(fixes: fixes([(48.0, 11.0), (47.9999, 10.99985)]))
    let heading = try #require(southWest.position(at: start.addingTimeInterval(0.5))?.heading)
    #expect(heading > 180 && heading < 270)
}

@Test func stoppedVehicleKeepsTheHeadingOfItsLastMovement() throws {
    // Eastwards at about 7.4 m/s, then standing with half a metre of jitter to the north-west.
    let track = GPSTrack(fixes: fixes([
        (48.0, 11.0), (48.0, 11.0001), (48.0, 11.0002),
        (48.000003, 11.000197), (48.0, 11.0002), (48.000004, 11.000196),
    ]))
    for second in [2.5, 3.5, 4.5] {
        let heading = try #require(track.position(at: start.addingTimeInterval(second))?.heading)
        #expect(abs(heading - 90) < 0.01, "at \(second) s")
    }
}

@Test func standingStartTakesTheHeadingOfTheFirstMovement() throws {
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0, 11.000001), (48.0, 11.0), (48.0001, 11.0)]))
    let heading = try #require(track.position(at: start.addingTimeInterval(0.5))?.heading)
    #expect(abs(heading) < 0.01 || abs(heading - 360) < 0.01)
}

@Test func trackThatNeverMovesHasNoHeading() {
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0, 11.000001)]))
    let position = track.position(at: start.addingTimeInterval(0.5))
    #expect(position != nil)
    #expect(position?.heading == nil)
    let single = GPSTrack(fixes: fixes([(48.0, 11.0)]))
    #expect(single.position(at: start)?.location == GeoPoint(latitude: 48.0, longitude: 11.0))
}

@Test func duplicateTimestampsAreMergedAtTheirMeanPosition() throws {
    var input = fixes([(48.0, 11.0), (48.0002, 11.0)])
    input.append(GPSFix(time: start.addingTimeInterval(1), location: GeoPoint(latitude: 48.0004, longitude: 11.0)))
    let track = GPSTrack(fixes: input)
    #expect(track.fixes.count == 2)
    let merged = try #require(track.fixes.last)
    #expect(abs(merged.location.latitude - 48.0003) < 1e-12)
    #expect(track.position(at: start.addingTimeInterval(0.5)) != nil)
}

@Test func fixesAreSortedByTime() {
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (48.0001, 11.0), (48.0002, 11.0)]).reversed())
    #expect(track.fixes.map(\.location.latitude) == [48.0, 48.0001, 48.0002])
    #expect(track.timeRange == start ... start.addingTimeInterval(2))
}

@Test func invalidFixesAreDropped() {
    let track = GPSTrack(fixes: fixes([(48.0, 11.0), (.nan, 11.0), (95.0, 11.0)]))
    #expect(track.fixes.count == 1)
}
