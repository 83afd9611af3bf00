import DriveInput
import Foundation
import PlateReading
import TestSupport
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

    @Test func aPlateFarSmallerThanTheCamerasSurePlatesIsFarAway() {
        var vehicles = PassVehicles()
        let far = PixelBox(x: 1600, y: 230, width: 56, height: 22)
        for _ in 1..<PassVehicles.surePlatesNeeded {
            vehicles.noteSurePlate(camera: "right", box: PixelBox(x: 200, y: 450, width: 210, height: 95))
        }
        #expect(!vehicles.isFarAway(camera: "right", box: far), "too few sure plates to tell")
        vehicles.noteSurePlate(camera: "right", box: PixelBox(x: 200, y: 450, width: 210, height: 95))
        #expect(vehicles.isFarAway(camera: "right", box: far))
        #expect(!vehicles.isFarAway(camera: "right", box: PixelBox(x: 0, y: 400, width: 130, height: 66)))
        #expect(!vehicles.isFarAway(camera: "left", box: far), "each camera has its own scale")
    }

    /// Rows of façade windows read as `KU-I 3` came in boxes 1.75-5.7 times as wide as the
    /// camera's sure plates; unread plates beside the vehicle at most 1.2 times.
    @Test func aBoxFarWiderThanTheCamerasSurePlatesIsTooWide() {
        var vehicles = PassVehicles()
        let windows = PixelBox(x: 900, y: 90, width: 460, height: 110)
        for _ in 1..<PassVehicles.surePlatesNeeded {
            vehicles.noteSurePlate(camera: "right", box: PixelBox(x: 200, y: 450, width: 200, height: 82))
        }
        #expect(!vehicles.isTooWide(camera: "right", box: windows), "too few sure plates to tell")
        vehicles.noteSurePlate(camera: "right", box: PixelBox(x: 200, y: 450, width: 200, height: 82))
        #expect(vehicles.isTooWide(camera: "right", box: windows))
        #expect(!vehicles.isTooWide(camera: "right", box: PixelBox(x: 0, y: 400, width: 240, height: 140)), "a plate near")
        #expect(!vehicles.isTooWide(camera: "left", box: windows), "each camera has its own scale")
    }

    /// In one pass: five cars read surely (boxes 30 px high), then an unread plate far down the
    /// street (10 px high), a plate read surely there (a car of another zone, placed where
    /// the vehicle is), an unread text in a box no plate fits (a row of windows) and one in a
    /// box shaped like a plate but far wider than the sure plates (windows again).
    @Test func farPlatesAndBoxesNoPlateFitsAreNotCounted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sure = ["M-AB 1234", "KA-XY 77", "HD-P 412", "MA-RS 900", "S-TT 5"]
        var frames: [[PlateRead]] = sure.map { [F.read($0, 0.7, box: PixelBox(x: 0, y: 400, width: 120, height: 30))] }
        frames.append([F.read("G-E 27", 0.3, box: PixelBox(x: 0, y: 300, width: 36, height: 10),
                              alternatives: [F.hypothesis("G-E 23", 0.25)])])
        frames.append([F.read("LU-FF 88", 0.7, box: PixelBox(x: 0, y: 300, width: 36, height: 10))])
        frames.append([F.read("C-CC 1", 0.3, box: PixelBox(x: 0, y: 300, width: 600, height: 30),
                              alternatives: [F.hypothesis("D-CC 1", 0.25)])])
        // Shaped like a plate, but 2.5 times as wide as the sure plates: windows on a façade.
        frames.append([F.read("KU-I 3", 0.3, box: PixelBox(x: 0, y: 300, width: 300, height: 70),
                              alternatives: [F.hypothesis("KU-IU 3", 0.25)])])
        frames.append([F.read("R-PL 23", 0.3, box: PixelBox(x: 0, y: 400, width: 120, height: 30),
                              alternatives: [F.hypothesis("RP-L 23", 0.25)])])
        let (engine, _, _, position) = try OccupancyCoverageTests.engineInAZone(
            folder: folder, frameCount: frames.count * 4, rights: OccupancyCoverageTests.NoRights())
        var outcomes: [String: SightingOutcome] = [:]
        engine.audit = { _, sighting, outcome in outcomes[sighting.plate.text] = outcome }
        let start = Date(timeIntervalSince1970: 1_762_250_400)
        var index = 0
        for (car, reads) in frames.enumerated() {
            // Each car read in two frames, moving by half its width; two empty frames close its track.
            for frame in 0..<4 {
                let placed = frame < 2 ? reads.map { read -> PlateRead in
                    var read = read
                    read.box.x = 300 + (read.box.width / 2 + 30) * frame
                    return read
                } : []
                try engine.add(FrameReads(
                    index: index, camera: "right", cameraFrameIndex: index,
                    time: start.addingTimeInterval(Double(car) * 10 + Double(frame) * 0.1), framePath: "frame-\(index)",
                    image: ConfirmationTests.frame, outcome: .success(placed), position: position))
                index += 1
            }
        }
        try engine.finish()
        #expect(sure.allSatisfy { outcomes[$0] == .pending }, "\(outcomes)")
        #expect(outcomes["G-E 27"] == .glimpse, "\(outcomes)")
        #expect(outcomes["LU-FF 88"] == .glimpse, "a sure plate seen only far away is neither counted nor decided")
        #expect(outcomes["C-CC 1"] == .glimpse)
        #expect(outcomes["KU-I 3"] == .glimpse, "\(outcomes)")
        // A plate-sized unread plate beside the vehicle is counted (and kept to be confirmed).
        #expect(outcomes["R-PL 23"] == .pendingConfirmable)
    }

    @Test func aPlateIsDecidedOncePerZoneAndPass() {
        var vehicles = PassVehicles()
        let decisions = [vehicles.decideOnce(zone: "a", key: "M-AB 1234"), vehicles.decideOnce(zone: "a", key: "M-AB 1234"),
                         vehicles.decideOnce(zone: "b", key: "M-AB 1234")]
        #expect(decisions == [true, false, true])
    }
}
