import Foundation

/// The contents of a drive's `drive.json`: the vehicle, its cameras and the GPS file.
///
/// ```json
/// {
///   "vehicle": "SV-1",
///   "gps": "gps.nmea",
///   "cameras": [
///     {"name": "right", "side": "right", "lateralOffset": 3.0, "folder": "frames/right"},
///     {"name": "left", "side": "left", "lateralOffset": 2.5, "forwardOffset": 0.5, "clockOffset": -0.12}
///   ]
/// }
/// ```
///
/// Required: `vehicle` (non-empty), `gps` and at least one camera with a unique `name` and
/// `side` (`"left"` or `"right"`). Optional per camera: `lateralOffset` (metres, 0…50,
/// default 3.0), `forwardOffset` (metres, -50…50, default 0), `folder` (default
/// `frames/<name>`) and `clockOffset` (seconds added to the frame times to bring them onto
/// the GPS clock, default 0). Paths are relative to the drive folder. Unknown keys are
/// errors, so that a misspelt `lateraloffset` cannot silently become 3 m.
public struct DriveManifest: Sendable, Equatable {
    /// A camera entry: its mount, and where its frames are.
    public struct Camera: Sendable, Equatable {
        public var mount: CameraMount
        /// The frame folder, relative to the drive folder.
        public var folder: String
        /// Seconds to add to this camera's frame times to get GPS time (UTC).
        public var clockOffset: TimeInterval

        public init(mount: CameraMount, folder: String? = nil, clockOffset: TimeInterval = 0) {
            self.mount = mount
            self.folder = folder ?? "frames/\(mount.name)"
            self.clockOffset = clockOffset
        }
    }

    /// The name of the manifest file in a drive folder.
    public static let fileName = "drive.json"

    /// The scan vehicle's name or registration.
    public var vehicle: String
    public var cameras: [Camera]
    /// The GPS file, relative to the drive folder: `.nmea` (also `.txt`, `.log`) or `.gpx`.
    public var gps: String

    public init(vehicle: String, cameras: [Camera], gps: String) {
        self.vehicle = vehicle
        self.cameras = cameras
        self.gps = gps
    }

    /// Reads and validates a `drive.json`.
    /// - Parameter file: the name used in errors.
    /// - Throws: ``DriveInputError`` (`.invalidDriveDescription`) naming the field that is
    ///   wrong and what was expected.
    public init(json data: Data, file: String) throws(DriveInputError) {
        func invalid(_ message: String) -> DriveInputError {
            DriveInputError(code: .invalidDriveDescription, message: message, path: file)
        }
        let parsed: JSONValue
        do {
            parsed = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw invalid("not valid JSON: \(Self.reason(error, in: data))")
        }
        var root = try ManifestObject(parsed, at: "the top level", file: file)
        let vehicle = try root.string("vehicle")
        guard let vehicle, !vehicle.isEmpty else {
            throw invalid("\"vehicle\" is missing or empty; expected the scan vehicle's name, e.g. \"vehicle\": \"SV-1\"")
        }
        guard let gps = try root.string("gps"), !gps.isEmpty else {
            throw invalid("\"gps\" is missing; expected the GPS file, e.g. \"gps\": \"gps.nmea\"")
        }
        guard let cameraList = root.take("cameras") else {
            throw invalid("\"cameras\" is missing; expected a list like [{\"name\": \"right\", \"side\": \"right\"}]")
        }
        guard case .array(let entries) = cameraList, !entries.isEmpty else {
            throw invalid("\"cameras\" must be a non-empty list of cameras")
        }
        try root.rejectUnknownKeys(known: ["vehicle", "gps", "cameras"])

        var cameras: [Camera] = []
        for (index, entry) in entries.enumerated() {
            let camera = try Self.camera(entry, at: "cameras[\(index)]", file: file)
            if cameras.contains(where: { $0.mount.name == camera.mount.name }) {
                throw invalid("cameras[\(index)].name \"\(camera.mount.name)\" is used twice; camera names must be unique")
            }
            cameras.append(camera)
        }
        for (field, value) in [("gps", gps)] + cameras.enumerated().map({ ("cameras[\($0.offset)].folder", $0.element.folder) })
        where value.hasPrefix("/") {
            throw invalid("\(field) \"\(value)\" is absolute; paths are relative to the drive folder")
        }
        self.init(vehicle: vehicle, cameras: cameras, gps: gps)
    }

    private static func camera(_ entry: JSONValue, at place: String, file: String) throws(DriveInputError) -> Camera {
        func invalid(_ message: String) -> DriveInputError {
            DriveInputError(code: .invalidDriveDescription, message: "\(place).\(message)", path: file)
        }
        var object = try ManifestObject(entry, at: place, file: file)
        guard let name = try object.string("name"), !name.isEmpty else {
            throw invalid("name is missing or empty; expected e.g. \"name\": \"right\"")
        }
        guard let sideText = try object.string("side") else {
            throw invalid("side is missing; expected \"left\" or \"right\"")
        }
        guard let side = CameraSide(rawValue: sideText) else {
            throw invalid("side is \"\(sideText)\"; expected \"left\" or \"right\"")
        }
        let lateral = try object.number("lateralOffset") ?? CameraMount.defaultLateralOffset
        guard (0 ... 50).contains(lateral) else {
            throw invalid("lateralOffset is \(lateral); expected metres from the GPS antenna to the seen car, 0…50")
        }
        let forward = try object.number("forwardOffset") ?? 0
        guard (-50 ... 50).contains(forward) else {
            throw invalid("forwardOffset is \(forward); expected metres ahead of the GPS antenna, -50…50")
        }
        let folder = try object.string("folder")
        if let folder, folder.isEmpty { throw invalid("folder is empty; expected e.g. \"frames/\(name)\"") }
        let clockOffset = try object.number("clockOffset") ?? 0
        try object.rejectUnknownKeys(known: ["name", "side", "lateralOffset", "forwardOffset", "folder", "clockOffset"])
        return Camera(
            mount: CameraMount(name: name, side: side, lateralOffset: lateral, forwardOffset: forward),
            folder: folder, clockOffset: clockOffset
        )
    }
}

extension DriveManifest {
    /// The parser's own words, with line and column where it can give them.
    fileprivate static func reason(_ error: any Error, in data: Data) -> String {
        // JSONDecoder's message is generic; JSONSerialization says where the JSON breaks.
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let nsError = error as NSError
            if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        }
        return "\(error)"
    }
}

extension DriveManifest: Encodable {
    private enum Keys: String, CodingKey {
        case vehicle, gps, cameras, name, side, lateralOffset, forwardOffset, folder, clockOffset
    }

    /// Writes the `drive.json` form (the cameras flat, as documented on the type).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(vehicle, forKey: .vehicle)
        try container.encode(gps, forKey: .gps)
        var list = container.nestedUnkeyedContainer(forKey: .cameras)
        for camera in cameras {
            var entry = list.nestedContainer(keyedBy: Keys.self)
            try entry.encode(camera.mount.name, forKey: .name)
            try entry.encode(camera.mount.side, forKey: .side)
            try entry.encode(camera.mount.lateralOffset, forKey: .lateralOffset)
            try entry.encode(camera.mount.forwardOffset, forKey: .forwardOffset)
            try entry.encode(camera.folder, forKey: .folder)
            try entry.encode(camera.clockOffset, forKey: .clockOffset)
        }
    }
}
