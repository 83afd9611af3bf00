import Foundation

/// A recorded drive on disk: the manifest, the frames of every camera, the GPS track.
///
/// The layout (described in full in `Sources/DriveInput/README-drive-format.md`):
///
/// ```
/// drive/
///   drive.json                 vehicle, cameras, GPS file (see DriveManifest)
///   gps.nmea | gps.gpx         the GPS log
///   frames/right/frames.csv    file,time (ISO 8601 with zone)   — or instead:
///   frames/right/1732612345123.jpg   file names in UTC milliseconds since 1970
/// ```
///
/// Loading is eager and all-or-nothing for what the drive cannot do without (a missing or
/// invalid `drive.json`, a missing camera folder or GPS file, GPX that is not XML), and
/// forgiving for single bad entries: a corrupt NMEA line, a frame whose name is not a time,
/// a `frames.csv` row naming a missing file are skipped and listed in ``issues``.
public struct DriveFolder: Sendable {
    /// The drive folder's path, as given.
    public let path: String
    public let manifest: DriveManifest
    /// The vehicle's path; ``position(at:)`` of the GPS track.
    public let track: GPSTrack
    /// What was skipped while loading, in the order found (GPS file, then cameras in
    /// manifest order).
    public let issues: [DriveInputIssue]
    private let framesByCamera: [String: [DriveFrame]]
    private let allFrames: [DriveFrame]

    /// Loads and validates a drive folder.
    /// - Parameter maximumFixAge: passed to ``GPSTrack``: frames further than this from the
    ///   nearest GPS fix are unlocated.
    /// - Throws: ``DriveInputError`` naming the file and, for `drive.json`, the field.
    public init(path: String, maximumFixAge: TimeInterval = GPSTrack.defaultMaximumFixAge) throws(DriveInputError) {
        self.path = path
        let manifestPath = join(path, DriveManifest.fileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DriveInputError(code: .fileMissing, message: "no such folder", path: path)
        }
        if !FileManager.default.fileExists(atPath: manifestPath) {
            throw DriveInputError(
                code: .fileMissing,
                message: "no \(DriveManifest.fileName) in this folder; a drive folder needs one naming its cameras and GPS file",
                path: path
            )
        }
        manifest = try DriveManifest(json: try readFile(manifestPath), file: manifestPath)

        var issues: [DriveInputIssue] = []
        let log = try Self.readGPS(join(path, manifest.gps))
        issues += log.issues
        let track = GPSTrack(fixes: log.fixes, maximumFixAge: maximumFixAge)
        self.track = track
        if track.fixes.isEmpty {
            issues.append(DriveInputIssue(file: join(path, manifest.gps), message: "no GPS fixes; no frame can be located"))
        }

        var framesByCamera: [String: [DriveFrame]] = [:]
        for camera in manifest.cameras {
            let listing = try FrameListing.frames(of: camera, in: join(path, camera.folder))
            framesByCamera[camera.mount.name] = listing.frames
            issues += listing.issues
        }
        self.framesByCamera = framesByCamera
        let allFrames = framesByCamera.values.joined().sorted { ($0.time, $0.camera, $0.path) < ($1.time, $1.camera, $1.path) }
        self.allFrames = allFrames

        let unlocated = allFrames.count(where: { track.position(at: $0.time) == nil })
        if unlocated > 0, !track.fixes.isEmpty {
            issues.append(DriveInputIssue(
                file: path,
                message: "\(unlocated) of \(allFrames.count) frames are outside the GPS track or more than "
                    + "\(String(format: "%g", maximumFixAge)) s from a fix; they cannot be located"
            ))
        }
        self.issues = issues
    }

    /// The vehicle's name from the manifest.
    public var vehicle: String { manifest.vehicle }

    /// The cameras, in manifest order.
    public var cameras: [CameraMount] { manifest.cameras.map(\.mount) }

    /// All frames of all cameras, ordered by time (then camera name, then path).
    public func frames() -> [DriveFrame] { allFrames }

    /// One camera's frames, ordered by time; empty for an unknown name.
    public func frames(of camera: String) -> [DriveFrame] { framesByCamera[camera] ?? [] }

    /// The mount of the camera that took `frame`.
    public func mount(of frame: DriveFrame) -> CameraMount? {
        manifest.cameras.first { $0.mount.name == frame.camera }?.mount
    }

    /// Where the car seen in the middle of `frame` is: the vehicle's position at the frame's
    /// time, offset by the camera's mount. nil when the frame is unlocated (see ``GPSTrack``)
    /// or the vehicle's heading is unknown.
    public func carPosition(seenIn frame: DriveFrame) -> GeoPoint? {
        guard let mount = mount(of: frame), let vehicle = track.position(at: frame.time) else { return nil }
        return mount.position(ofCarSeenFrom: vehicle)
    }

    /// Reads the GPS file, by extension: `.nmea`, `.txt`, `.log` as NMEA 0183; `.gpx` as GPX.
    static func readGPS(_ gpsPath: String) throws(DriveInputError) -> GPSLog {
        switch (gpsPath as NSString).pathExtension.lowercased() {
        case "nmea", "txt", "log": try NMEAParser.log(contentsOf: gpsPath)
        case "gpx": try GPXReader.log(contentsOf: gpsPath)
        case let other:
            throw DriveInputError(
                code: .unsupportedFormat,
                message: "GPS file type \"\(other)\" is not known; use .nmea (NMEA 0183) or .gpx (GPX 1.1)",
                path: gpsPath
            )
        }
    }
}
