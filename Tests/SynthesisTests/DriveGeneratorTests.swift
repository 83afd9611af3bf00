import DriveInput
import Enforcement
import Foundation
import Synthesis
import Testing

/// A small drive through the demo town: few cars, tiny frames, so that tests take seconds.
struct SmallDrive {
    static let zonesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Zones/demo-town")

    static func options(renderImages: Bool = true, gpsNoise: Double = 1.0) -> DriveOptions {
        DriveOptions(cars: 10, passes: 2, minutesBetweenPasses: 12, latePassMinutes: 100, width: 320, height: 180,
                     gpsNoiseMetres: gpsNoise, jpegQuality: 50, degrade: false, renderImages: renderImages)
    }

    static func zones() throws -> ZoneMap {
        try ZoneMap.load(folder: zonesFolder)
    }

    static func generator(seed: UInt64 = 11, renderImages: Bool = true, gpsNoise: Double = 1.0) throws -> DriveGenerator {
        try DriveGenerator(seed: seed, options: options(renderImages: renderImages, gpsNoise: gpsNoise), zones: zones())
    }
}

@Suite struct DriveGeneratorTests {
    @Test func sameSeedGivesSameTruthAndSameFileBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let a = try SmallDrive.generator(renderImages: false).write(to: directory.file("a"))
        let b = try SmallDrive.generator(renderImages: false).write(to: directory.file("b"))
        #expect(a == b)
        for file in ["drive.json", "gps.nmea", "truth.json", "frames/right/frames.csv", "rights/permits.csv",
                     "rights/sessions.csv", "rights/exemptions.csv"] {
            let bytesA = try Data(contentsOf: URL(fileURLWithPath: directory.file("a/" + file)))
            let bytesB = try Data(contentsOf: URL(fileURLWithPath: directory.file("b/" + file)))
            #expect(!bytesA.isEmpty, "\(file) is empty")
            #expect(bytesA == bytesB, "\(file) differs between two drives with the same seed")
        }
    }

    @Test func differentSeedsGiveDifferentDrives() throws {
        let a = try SmallDrive.generator(seed: 1, renderImages: false).truth
        let b = try SmallDrive.generator(seed: 2, renderImages: false).truth
        #expect(a.cars.map(\.plate) != b.cars.map(\.plate))
    }

    @Test func driveFolderLoadsAndReportsExactlyTheCorruptGPSLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let truth = try SmallDrive.generator().write(to: directory.path)
        let drive = try DriveFolder(path: directory.path)
        #expect(drive.cameras.map(\.name) == ["right"])
        #expect(drive.frames().count == truth.frames.count)
        #expect(truth.gps.corruptLines.count == 3)
        let gpsIssues = drive.issues.filter { $0.file.hasSuffix("gps.nmea") }
        #expect(gpsIssues.compactMap(\.line) == truth.gps.corruptLines)
        #expect(gpsIssues.allSatisfy { $0.message.contains("checksum") })
        #expect(drive.issues.count == gpsIssues.count, "unexpected issues: \(drive.issues)")
        // Every frame is located on the track.
        #expect(drive.frames().allSatisfy { drive.track.position(at: $0.time) != nil })
    }

    @Test func everyTruthFrameExistsAndItsPlatesLieInside() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let truth = try SmallDrive.generator().write(to: directory.path)
        #expect(!truth.frames.isEmpty)
        #expect(truth.frames.contains { $0.plates.isEmpty }, "triggered recording keeps a frame either side of a plate")
        for frame in truth.frames {
            #expect(FileManager.default.fileExists(atPath: directory.file(frame.file)), "\(frame.file) missing")
            for plate in frame.plates {
                #expect(plate.box[0] >= 0 && plate.box[1] >= 0 && plate.box[2] >= 20)
                #expect(plate.box[0] + plate.box[2] <= 320 && plate.box[1] + plate.box[3] <= 180)
            }
        }
    }

    @Test func parkedCarsAreSeenInAFewFramesPerPass() throws {
        let truth = try SmallDrive.generator(renderImages: false).truth
        let main = truth.cars.flatMap(\.sightings).filter { $0.frames >= 3 }
        #expect(!main.isEmpty)
        let typical = main.map(\.frames).sorted()[main.count / 2]
        #expect((3...9).contains(typical), "median frames per sighting: \(typical)")
        for car in truth.cars {
            for pass in car.passes {
                #expect(car.sightings.contains { $0.pass == pass }, "car \(car.plate) unseen in pass \(pass)")
            }
        }
    }
}
