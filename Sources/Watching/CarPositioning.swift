import DriveInput
import Foundation
import LiveInput

/// Where a car seen by a camera at a moment is.
public protocol CarPositioning: Sendable {
    func carPosition(camera: String, at time: Date) -> GeoPoint?
}

/// From a recorded drive's GPS log (replays): exactly what `scan` uses.
public struct DrivePositioning: CarPositioning {
    public let drive: DriveFolder

    public init(drive: DriveFolder) { self.drive = drive }

    public func carPosition(camera: String, at time: Date) -> GeoPoint? {
        drive.carPosition(seenIn: DriveFrame(camera: camera, time: time, path: ""))
    }
}

/// From a live GNSS feed and the cameras' mounts.
public struct LiveGPSPositioning: CarPositioning {
    public let gps: LiveGPS
    public let mounts: [String: CameraMount]

    public init(gps: LiveGPS, mounts: [CameraMount]) {
        self.gps = gps
        self.mounts = Dictionary(mounts.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func carPosition(camera: String, at time: Date) -> GeoPoint? {
        guard let mount = mounts[camera], let vehicle = gps.position(at: time) else { return nil }
        return mount.position(ofCarSeenFrom: vehicle)
    }
}
