import DriveInput
import Foundation
import PlateReading
import Testing
@testable import Scanning

/// What is not a vehicle (texts in a façade) and what is the same vehicle again.
@Suite struct BackgroundAndDuplicateTests {
    typealias F = ReadFixtures

    /// Observations of one box at `xs`, the vehicle `metresPerFrame` further on each frame.
    static func observations(_ text: String, xs: [Int], width: Int = 120, metresPerFrame: Double) -> [PlateObservation] {
        xs.enumerated().map { frame, x in
            var observation = F.observation(text, 0.3, frame: frame, x: x, width: width)
            // 1e-5 degrees of latitude are 1.11 m.
            observation.position = GeoPoint(latitude: 49.4 + Double(frame) * metresPerFrame / 1.11 * 1e-5, longitude: 8.69)
            return observation
        }
    }

    @Test func aBoxStandingStillWhileTheVehicleDrivesIsBackground() {
        let windows = Self.observations("D-O 1", xs: [600, 601, 600], width: 600, metresPerFrame: 0.6)
        #expect(!Parallax.movesLikeAParkedCar(windows))
        let plate = Self.observations("M-AB 1234", xs: [200, 350, 520], metresPerFrame: 0.6)
        #expect(Parallax.movesLikeAParkedCar(plate))
    }

    @Test func aStandingVehicleSeesParkedCarsStandStill() {
        let plate = Self.observations("M-AB 1234", xs: [500, 500, 501], metresPerFrame: 0.05)
        #expect(Parallax.movesLikeAParkedCar(plate))
    }

    @Test func shortOrOneKindTextsAreNotSurePlates() {
        let box = PixelBox(x: 0, y: 0, width: 100, height: 25)
        let certainty = ReadCertainty()
        for text in ["D-O 1", "CJC", "DDDD", "1234"] {
            #expect(!certainty.accepts(FusedPlate(fusing: [F.read(text, 0.6, box: box), F.read(text, 0.6, box: box)])), "\(text)")
        }
        #expect(certainty.accepts(FusedPlate(fusing: [F.read("M-A 12", 0.6, box: box), F.read("M-A 12", 0.6, box: box)])))
    }

    @Test func aCarSeenAgainInAPassCountsOnce() {
        var vehicles = PassVehicles()
        let t0 = F.start
        var results: [PassVehicles.Count] = []
        results.append(vehicles.count(zone: "a", normalized: "ALFD7324", unread: false, at: t0))
        // The same car at a corner, one character misread: again.
        results.append(vehicles.count(zone: "a", normalized: "ALFO7324", unread: true, at: t0 + 60))
        // Another car, and the same text in another zone: new.
        results.append(vehicles.count(zone: "a", normalized: "HZAN49", unread: true, at: t0 + 70))
        results.append(vehicles.count(zone: "b", normalized: "ALFD7324", unread: true, at: t0 + 80))
        // The unread car read surely later: the count moves from unread.
        results.append(vehicles.count(zone: "a", normalized: "HZAN9", unread: false, at: t0 + 90))
        results.append(vehicles.count(zone: "a", normalized: "HZAN49", unread: false, at: t0 + 95))
        #expect(results == [.new, .again, .new, .new, .replacesUnread(unreadAt: t0 + 70), .again])
    }

    @Test func aPlateIsDecidedOncePerZoneAndPass() {
        var vehicles = PassVehicles()
        let decisions = [vehicles.decideOnce(zone: "a", key: "M-AB 1234"), vehicles.decideOnce(zone: "a", key: "M-AB 1234"),
                         vehicles.decideOnce(zone: "b", key: "M-AB 1234")]
        #expect(decisions == [true, false, true])
    }
}
