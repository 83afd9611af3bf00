import DriveInput
import Enforcement
import Foundation
import PlateReading
@testable import Synthesis
import Testing

@Suite struct DriveTruthTests {
    @Test func everyCarStandsInsideItsZone() throws {
        let zones = try SmallDrive.zones()
        let truth = try SmallDrive.generator(renderImages: false).truth
        #expect(truth.cars.count >= 10)
        for car in truth.cars {
            #expect(zones.zone(latitude: car.latitude, longitude: car.longitude)?.id == car.zone,
                    "\(car.plate) at \(car.latitude), \(car.longitude) is not in \(car.zone)")
        }
        #expect(truth.unscannedZones == ["wil-1"])
    }

    @Test func cameraOffsetPlacesTheVehicleAtTheSeenCar() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let truth = try SmallDrive.generator().write(to: directory.path)
        let drive = try DriveFolder(path: directory.path)
        let frames = Dictionary(uniqueKeysWithValues: drive.frames().map { ($0.path, $0) })
        var checked = 0
        for car in truth.cars {
            let position = GeoPoint(latitude: car.latitude, longitude: car.longitude)
            // The main sightings (a glimpse at a corner is not where the pipeline places cars).
            for sighting in car.sightings where sighting.frames >= 3 {
                let frame = try #require(frames[directory.file(sighting.middleFile)])
                let seen = try #require(drive.carPosition(seenIn: frame))
                #expect(seen.distance(to: position) < 3.5, "\(car.plate) pass \(sighting.pass): \(seen.distance(to: position)) m off")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    @Test func casesFollowTheRights() throws {
        let truth = try SmallDrive.generator(renderImages: false).truth
        let cars = Dictionary(uniqueKeysWithValues: truth.cars.map { ($0.id, $0) })
        for expected in truth.cases {
            let car = try #require(cars[expected.carID])
            #expect(!car.hasRight, "\(car.plate) has a right but a case")
            #expect(car.zone == expected.zone)
            #expect(car.sightings.count >= 2, "a case needs two sightings")
            #expect(expected.passes.count == 2 && expected.marginMinutes >= 0)
        }
        for car in truth.cars where car.hasRight {
            #expect(!truth.cases.contains { $0.carID == car.id })
            #expect(car.rights.contains { $0.grants })
        }
        for car in truth.cars where Set(car.sightings.map(\.pass)).count < 2 {
            #expect(!truth.cases.contains { $0.carID == car.id }, "\(car.plate) seen in one pass has a case")
        }
    }

    /// With a parking disc the limit runs from the latest setting the disc can show: the half
    /// hour after the first sighting (the car arrived then at the latest), not a flat 30 min.
    @Test func discAllowanceRunsToTheHalfHourAfterTheFirstSighting() throws {
        let calendar = Calendar(identifier: .gregorian)
        let at = { (hour: Int, minute: Int, second: Int) in
            try #require(calendar.date(from: DateComponents(
                timeZone: TimeZone(identifier: "Europe/Berlin"), year: 2025, month: 11, day: 4,
                hour: hour, minute: minute, second: second)))
        }
        #expect(abs(ExpectedCaseFinder.discMinutes(after: try at(10, 16, 38)) - (13 + 22.0 / 60)) < 1e-9)
        #expect(abs(ExpectedCaseFinder.discMinutes(after: try at(10, 29, 0)) - 1) < 1e-9)
        // Exactly on the half hour: the disc shows the next one.
        #expect(ExpectedCaseFinder.discMinutes(after: try at(10, 30, 0)) == 30)
    }

    /// The options of `Fixtures/demo-drive` (see `Fixtures/README.md`).
    static let demoOptions = DriveOptions(cars: 18, passes: 2, latePassMinutes: 100, width: 960, height: 540,
                                          jpegQuality: 55, degrade: false, renderImages: false)

    @Test func demoDriveHasEveryKindOfCase() throws {
        let truth = try DriveGenerator(seed: 30, options: Self.demoOptions, zones: SmallDrive.zones()).truth
        let rules = Set(truth.cases.map(\.rule))
        #expect(rules == ["noPaidSession", "noResidentPermit", "noPaidSessionOrPermit", "maxStayExceeded", "noParking"])
        #expect(truth.cars.contains { $0.rights.contains { $0.kind == "exemption" } })
        #expect(truth.cars.contains { $0.country != "D" })
    }

    @Test func demoDriveFixtureIsWhatTheGeneratorMakes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try DriveGenerator(seed: 30, options: Self.demoOptions, zones: SmallDrive.zones()).write(to: directory.path)
        let fixture = SmallDrive.zonesFolder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/demo-drive")
        for file in ["truth.json", "gps.nmea", "drive.json", "frames/right/frames.csv", "rights/permits.csv"] {
            let made = try Data(contentsOf: URL(fileURLWithPath: directory.file(file)))
            let committed = try Data(contentsOf: fixture.appendingPathComponent(file))
            #expect(made == committed, "Fixtures/demo-drive/\(file) is out of date; regenerate it (Fixtures/README.md)")
        }
    }

    @Test func occupancyNeverExceedsCapacity() throws {
        let truth = try SmallDrive.generator(renderImages: false).truth
        #expect(truth.occupancy.count == truth.passes.count * 14)
        for entry in truth.occupancy {
            if entry.kind != "no-parking" { #expect(entry.vehicles <= entry.capacity, "\(entry.zone) pass \(entry.pass)") }
            #expect(entry.seen <= entry.vehicles)
        }
        for pass in truth.passes {
            let counted = truth.occupancy.filter { $0.pass == pass.number }.map(\.vehicles).reduce(0, +)
            #expect(counted == truth.cars.filter { $0.passes.contains(pass.number) }.count)
        }
    }

    @Test func rightsFilesParse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try SmallDrive.generator(renderImages: false).write(to: directory.path)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let expected: [(file: String, header: String, plate: Int, times: [Int])] = [
            ("permits.csv", "reference,plate,areas,valid_from,valid_to,country", 1, [3, 4]),
            ("sessions.csv", "reference,source,plate,zone,start,end,country", 2, [4, 5]),
            ("exemptions.csv", "reference,plate,reason,zones,valid_from,valid_to,country", 1, [4, 5]),
        ]
        var rows = 0
        for (file, header, plateColumn, timeColumns) in expected {
            let text = try String(contentsOfFile: directory.file("rights/" + file), encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first == header)
            let columns = header.split(separator: ",").count
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(fields.count == columns, "\(file): \(line)")
                let plate = fields[plateColumn]
                // German canonical without a country; foreign letters and digits with one.
                if fields[columns - 1].isEmpty {
                    #expect(GermanPlateParts(canonical: plate) != nil, "\(file): plate \(plate)")
                } else {
                    #expect(plate.allSatisfy { $0.isLetter || $0.isNumber }, "\(file): plate \(plate)")
                }
                for column in timeColumns { #expect(formatter.date(from: fields[column]) != nil, "\(file): \(fields[column])") }
                rows += 1
            }
        }
        #expect(rows > 0)
    }
}
