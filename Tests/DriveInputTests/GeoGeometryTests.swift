import Foundation
import Testing
@testable import DriveInput

private let munich = GeoPoint(latitude: 48.137154, longitude: 11.576124)

private func vehicle(at location: GeoPoint = munich, heading: Double?) -> TrackPosition {
    TrackPosition(time: Date(timeIntervalSince1970: 0), location: location, heading: heading, fixAge: 0)
}

@Test func distanceIsTheHaversineDistance() {
    // One degree of a great circle on the mean-radius sphere: 2πR / 360.
    let oneDegree = 2 * Double.pi * GeoPoint.earthRadius / 360
    let equator = GeoPoint(latitude: 0, longitude: 0)
    #expect(abs(equator.distance(to: GeoPoint(latitude: 0, longitude: 1)) - oneDegree) < 1e-6)
    #expect(abs(equator.distance(to: GeoPoint(latitude: 1, longitude: 0)) - oneDegree) < 1e-6)
    // Munich to Berlin Brandenburg Gate: about 504 km.
    let berlin = GeoPoint(latitude: 52.516275, longitude: 13.377704)
    #expect(abs(munich.distance(to: berlin) - 504_000) < 2_000)
    #expect(munich.distance(to: munich) == 0)
}

@Test func bearingIsClockwiseFromNorth() {
    #expect(abs(munich.bearing(to: GeoPoint(latitude: 48.2, longitude: 11.576124))) < 1e-9)
    #expect(abs(munich.bearing(to: GeoPoint(latitude: 48.137154, longitude: 11.6)) - 90) < 0.02)
    #expect(abs(munich.bearing(to: GeoPoint(latitude: 48.0, longitude: 11.576124)) - 180) < 1e-9)
    #expect(abs(munich.bearing(to: GeoPoint(latitude: 48.137154, longitude: 11.5)) - 270) < 0.05)
}

@Test func flatEarthOffsetAgreesWithHaversineForMetres() {
    for (north, east) in [(3.0, 0.0), (0.0, 3.0), (-2.0, 2.0), (10.0, -7.0)] {
        let moved = munich.offset(northMetres: north, eastMetres: east)
        // The sphere and the ellipsoid differ by up to 0.5 %; the flat step itself by far less.
        #expect(abs(munich.distance(to: moved) - (north * north + east * east).squareRoot()) < 0.005 * 10)
    }
}

@Test func rightCameraOfNorthboundVehicleSeesCarThreeMetresEast() throws {
    let camera = CameraMount(name: "right", side: .right)
    let car = try #require(camera.position(ofCarSeenFrom: vehicle(heading: 0)))
    #expect(abs(car.latitude - munich.latitude) < 1e-9)
    #expect(car.longitude > munich.longitude)
    #expect(abs(munich.distance(to: car) - 3.0) < 0.02)
    let eastMetres = (car.longitude - munich.longitude) * munich.metresPerDegree.longitude
    #expect(abs(eastMetres - 3.0) < 1e-9)
}

@Test func leftCameraOfNorthboundVehicleSeesCarToTheWest() throws {
    let camera = CameraMount(name: "left", side: .left, lateralOffset: 2.5)
    let car = try #require(camera.position(ofCarSeenFrom: vehicle(heading: 0)))
    #expect(car.longitude < munich.longitude)
    #expect(abs(munich.distance(to: car) - 2.5) < 0.02)
}

@Test func rightCameraOfEastboundVehicleSeesCarToTheSouth() throws {
    let car = try #require(CameraMount(name: "right").position(ofCarSeenFrom: vehicle(heading: 90)))
    #expect(car.latitude < munich.latitude)
    #expect(abs(car.longitude - munich.longitude) < 1e-9)
    #expect(abs(munich.bearing(to: car) - 180) < 0.01)
}

@Test func forwardOffsetMovesTheCarAhead() throws {
    let camera = CameraMount(name: "right", side: .right, lateralOffset: 3, forwardOffset: 4)
    let car = try #require(camera.position(ofCarSeenFrom: vehicle(heading: 0)))
    #expect(abs(munich.distance(to: car) - 5.0) < 0.03)
    #expect(car.latitude > munich.latitude && car.longitude > munich.longitude)
}

@Test func carIsUnplacedWhenHeadingIsUnknown() {
    #expect(CameraMount(name: "right").position(ofCarSeenFrom: vehicle(heading: nil)) == nil)
}
