import Foundation
import Testing
@testable import DriveInput

/// A northbound drive in Munich: RMC every second from 09:12:20 to 09:12:30 UTC, about
/// 11 m per second; one corrupt line (line 4).
private func nmeaLog() -> String {
    var lines: [String] = []
    for second in 20 ... 30 {
        let minutes = String(format: "%07.4f", 8.0 + Double(second - 20) * 0.006)
        lines.append(sentence("GPRMC,0912\(second).00,A,48\(minutes),N,01134.5674,E,21.6,0.0,261124,,,A"))
        if second == 22 { lines.append("$GPRMC,091222.50,A,4808.0120,N,01134.5674,E,21.6,0.0,261124,,,A*00") }
    }
    return lines.joined(separator: "\n") + "\n"
}

private let manifest = """
{
  "vehicle": "SV-1",
  "gps": "gps.nmea",
  "cameras": [
    {"name": "right", "side": "right", "lateralOffset": 3.0, "folder": "frames/right"},
    {"name": "left", "side": "left", "lateralOffset": 2.5}
  ]
}
"""

/// Writes a valid drive: the right camera with frames.csv, the left with millisecond names.
private func writeDrive(in directory: TemporaryDirectory, manifest: String = manifest) throws {
    try directory.write("drive.json", manifest)
    try directory.write("gps.nmea", nmeaLog())
    try directory.write("frames/right/frames.csv", """
    file,time
    a.jpg,2024-11-26T09:12:24.500Z
    b.jpg,2024-11-26T10:12:22.000+01:00
    c.jpg,not a time
    missing.jpg,2024-11-26T09:12:23.000Z
    """)
    for name in ["a.jpg", "b.jpg", "c.jpg", "unlisted.jpg"] {
        try directory.write("frames/right/\(name)", "jpeg bytes")
    }
    // 2024-11-26T09:12:23.250Z and 09:12:21.000Z.
    let base = Int64(utc(2024, 11, 26, 9, 12, 0).timeIntervalSince1970 * 1000)
    try directory.write("frames/left/\(base + 23_250).jpg", "jpeg bytes")
    try directory.write("frames/left/\(base + 21_000).JPG", "jpeg bytes")
    try directory.write("frames/left/IMG_0001.jpg", "jpeg bytes")
    try directory.write("frames/left/notes.txt", "not a frame")
}

@Test func validDriveLoadsWithFramesInTimeOrder() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory)

    let drive = try DriveFolder(path: directory.path)
    #expect(drive.vehicle == "SV-1")
    #expect(drive.cameras.map(\.name) == ["right", "left"])
    #expect(drive.cameras.map(\.side) == [.right, .left])
    #expect(drive.cameras.last?.lateralOffset == 2.5)
    #expect(drive.track.fixes.count == 11)

    #expect(drive.frames(of: "right").map { ($0.path as NSString).lastPathComponent } == ["b.jpg", "a.jpg"])
    let merged = drive.frames()
    #expect(merged.map(\.camera) == ["left", "right", "left", "right"])
    #expect(merged.map(\.time) == merged.map(\.time).sorted())
    #expect(merged.first?.time == utc(2024, 11, 26, 9, 12, 21))
    #expect(merged[1].time == utc(2024, 11, 26, 9, 12, 22))
    #expect(merged.first?.path == directory.file("frames/left/\(Int64(utc(2024, 11, 26, 9, 12, 21).timeIntervalSince1970 * 1000)).JPG"))
}

@Test func carPositionOfAFrameIsBesideTheTrack() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory)
    let drive = try DriveFolder(path: directory.path)

    // The vehicle drives north: the right camera's car is east of the track, the left's west.
    let right = try #require(drive.frames(of: "right").first)
    let vehicle = try #require(drive.track.position(at: right.time))
    let rightCar = try #require(drive.carPosition(seenIn: right))
    #expect(rightCar.longitude > vehicle.location.longitude)
    #expect(abs(vehicle.location.distance(to: rightCar) - 3.0) < 0.02)
    let left = try #require(drive.frames(of: "left").first)
    let leftCar = try #require(drive.carPosition(seenIn: left))
    #expect(leftCar.longitude < 11 + 34.5674 / 60)
}

@Test func skippedEntriesAreCollectedAsIssuesWithLineNumbers() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory)
    let drive = try DriveFolder(path: directory.path)

    let descriptions = drive.issues.map(\.description)
    #expect(descriptions.count == 4, "\(descriptions)")
    #expect(drive.issues.contains { $0.file == directory.file("gps.nmea") && $0.line == 4 && $0.message.hasPrefix("checksum is") })
    #expect(drive.issues.contains { $0.file == directory.file("frames/right/frames.csv") && $0.line == 4 })
    #expect(drive.issues.contains { $0.file == directory.file("frames/right/frames.csv") && $0.line == 5
        && $0.message == "frame file \"missing.jpg\" does not exist; skipped" })
    #expect(drive.issues.contains { $0.file == directory.file("frames/left/IMG_0001.jpg") && $0.line == nil })
}

@Test func framesOutsideTheTrackAreReported() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory)
    try directory.write("frames/right/late.jpg", "jpeg bytes")
    let csv = try String(contentsOfFile: directory.file("frames/right/frames.csv"), encoding: .utf8)
    try directory.write("frames/right/frames.csv", csv + "\nlate.jpg,2024-11-26T09:20:00.000Z\n")

    let drive = try DriveFolder(path: directory.path)
    let late = try #require(drive.frames().last)
    #expect(drive.carPosition(seenIn: late) == nil)
    #expect(drive.issues.last?.message.hasPrefix("1 of 5 frames are outside the GPS track") == true)
}

@Test func missingDriveJSONIsAnErrorNamingTheFolder() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    #expect {
        try DriveFolder(path: directory.path)
    } throws: { error in
        guard let error = error as? DriveInputError else { return false }
        return error.code == .fileMissing && error.path == directory.path && error.message.contains("drive.json")
    }
    #expect(throws: DriveInputError.self) { try DriveFolder(path: directory.file("no-such-drive")) }
}

@Test func badCameraSideIsAnErrorNamingTheField() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory, manifest: manifest.replacingOccurrences(of: "\"side\": \"left\"", with: "\"side\": \"up\""))
    #expect {
        try DriveFolder(path: directory.path)
    } throws: { error in
        (error as? DriveInputError)?.description
            == "\(directory.file("drive.json")): cameras[1].side is \"up\"; expected \"left\" or \"right\""
    }
}

@Test func manifestMistakesAreNamed() {
    func message(_ json: String) -> String? {
        do {
            _ = try DriveManifest(json: Data(json.utf8), file: "drive.json")
            return nil
        } catch {
            return error.message
        }
    }
    let camera = #"{"name": "right", "side": "right"}"#
    #expect(message("{")?.hasPrefix("not valid JSON") == true)
    #expect(message("[]") == "the top level must be an object {…}")
    #expect(message(#"{"gps": "gps.nmea", "cameras": [\#(camera)]}"#)?.hasPrefix("\"vehicle\" is missing") == true)
    #expect(message(#"{"vehicle": "SV-1", "cameras": [\#(camera)]}"#)?.hasPrefix("\"gps\" is missing") == true)
    #expect(message(#"{"vehicle": "SV-1", "gps": "g.nmea", "cameras": []}"#) == "\"cameras\" must be a non-empty list of cameras")
    #expect(message(#"{"vehicle": "SV-1", "gps": "g.nmea", "cameras": [\#(camera), \#(camera)]}"#)
        == "cameras[1].name \"right\" is used twice; camera names must be unique")
    #expect(message(#"{"vehicle": "SV-1", "gps": "g.nmea", "cameras": [{"name": "r", "side": "right", "lateraloffset": 2}]}"#)?
        .hasPrefix("cameras[0]: unknown field \"lateraloffset\"") == true)
    #expect(message(#"{"vehicle": "SV-1", "gps": "g.nmea", "cameras": [{"name": "r", "side": "right", "lateralOffset": "3"}]}"#)
        == "cameras[0].lateralOffset must be a number")
    #expect(message(#"{"vehicle": "SV-1", "gps": "g.nmea", "cameras": [{"name": "r", "side": "right", "lateralOffset": -1}]}"#)?
        .hasPrefix("cameras[0].lateralOffset is -1.0") == true)
    #expect(message(#"{"vehicle": "SV-1", "gps": "/abs/g.nmea", "cameras": [\#(camera)]}"#)?.contains("is absolute") == true)
}

@Test func manifestDefaultsAndRoundTrip() throws {
    let json = #"{"vehicle": "SV-1", "gps": "gps.gpx", "cameras": [{"name": "right", "side": "right", "clockOffset": 2}]}"#
    let manifest = try DriveManifest(json: Data(json.utf8), file: "drive.json")
    let camera = try #require(manifest.cameras.first)
    #expect(camera.mount.lateralOffset == 3.0)
    #expect(camera.mount.forwardOffset == 0)
    #expect(camera.folder == "frames/right")
    #expect(camera.clockOffset == 2)
    let written = try JSONEncoder().encode(manifest)
    #expect(try DriveManifest(json: written, file: "drive.json") == manifest)
}

@Test func missingCameraFolderIsAnError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory)
    try FileManager.default.removeItem(atPath: directory.file("frames/left"))
    #expect {
        try DriveFolder(path: directory.path)
    } throws: { error in
        (error as? DriveInputError)?.code == .fileMissing && (error as? DriveInputError)?.path == directory.file("frames/left")
    }
}

@Test func gpxDriveIsReadByExtensionAndUnknownTypesAreRefused() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory, manifest: manifest.replacingOccurrences(of: "gps.nmea", with: "track.gpx"))
    try directory.write("track.gpx", """
    <gpx version="1.1"><trk><trkseg>
    <trkpt lat="48.1333" lon="11.5761"><time>2024-11-26T09:12:20Z</time></trkpt>
    <trkpt lat="48.1334" lon="11.5761"><time>2024-11-26T09:12:30Z</time></trkpt>
    </trkseg></trk></gpx>
    """)
    let drive = try DriveFolder(path: directory.path, maximumFixAge: 10)
    #expect(drive.track.fixes.count == 2)
    #expect(drive.track.maximumFixAge == 10)

    try writeDrive(in: directory, manifest: manifest.replacingOccurrences(of: "gps.nmea", with: "gps.kml"))
    try directory.write("gps.kml", "<kml/>")
    #expect {
        try DriveFolder(path: directory.path)
    } throws: { error in
        (error as? DriveInputError)?.code == .unsupportedFormat
    }
}

@Test func framesIndexWithoutHeaderIsAnError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try writeDrive(in: directory)
    try directory.write("frames/right/frames.csv", "a.jpg,2024-11-26T09:12:24.500Z\n")
    #expect {
        try DriveFolder(path: directory.path)
    } throws: { error in
        (error as? DriveInputError)?.line == 1 && (error as? DriveInputError)?.code == .invalidDriveDescription
    }
}

@Test func millisecondFileNamesNeedThirteenDigits() {
    #expect(FrameListing.millisecondsSinceEpoch("1732612345123") == 1_732_612_345_123)
    #expect(FrameListing.millisecondsSinceEpoch("1732612345") == nil)
    #expect(FrameListing.millisecondsSinceEpoch("000001") == nil)
    #expect(FrameListing.millisecondsSinceEpoch("17326123451x3") == nil)
}
