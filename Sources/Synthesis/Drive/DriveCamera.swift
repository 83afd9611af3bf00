import DriveInput
import Foundation

/// A side camera on the scan vehicle: which side it looks to, how it is aimed, and the mount
/// offsets written to `drive.json` so that the pipeline can place the cars it sees.
///
/// The camera sits at the GPS antenna (`height` above the road), turned `yawDegrees` from the
/// direction of travel towards its side and tilted `pitchDegrees` (negative: down). Cars on
/// the right-hand kerb park in the direction of travel, so a right camera angled forward sees
/// their rear plates; a left camera sees the front plates of the cars across the street.
public struct DriveCamera: Sendable, Hashable {
    /// The camera's name in the drive; also its frame folder `frames/<name>`.
    public var name: String
    public var side: CameraSide
    /// Angle between the direction of travel and the optical axis, towards `side`.
    public var yawDegrees: Double
    /// Horizontal field of view.
    public var horizontalFieldOfViewDegrees: Double
    /// Height of the lens above the road, metres.
    public var height: Double
    /// Tilt of the optical axis; negative looks down.
    public var pitchDegrees: Double

    public init(name: String, side: CameraSide, yawDegrees: Double = 45, horizontalFieldOfViewDegrees: Double = 36,
                height: Double = 1.3, pitchDegrees: Double = -8) {
        self.name = name
        self.side = side
        self.yawDegrees = yawDegrees
        self.horizontalFieldOfViewDegrees = horizontalFieldOfViewDegrees
        self.height = height
        self.pitchDegrees = pitchDegrees
    }

    /// The right camera (the default rig).
    public static let right = DriveCamera(name: "right", side: .right)
    /// A left camera, for two-camera drives.
    public static let left = DriveCamera(name: "left", side: .left)

    /// Metres from the antenna, square to the direction of travel, to the middle of a car
    /// parked on this camera's kerb: the lane's middle is 1.75 m right of the centre line,
    /// the parking strip's middle 4.75 m to either side of it.
    public var lateralOffset: Double {
        side == .right ? 4.75 - ScanRoute.laneOffset : 4.75 + ScanRoute.laneOffset
    }

    /// Metres ahead of the antenna of the middle of a car whose plate is in the middle of
    /// the frame: the plate lies where the optical axis meets the kerb line, the car's
    /// middle half a car length (2.2 m) beyond it.
    public var forwardOffset: Double {
        let plateLateral = lateralOffset
        return plateLateral / tan(yawDegrees * .pi / 180) + ParkedCar.halfLength
    }

    /// The camera's entry in `drive.json`.
    public var mount: CameraMount {
        CameraMount(name: name, side: side, lateralOffset: lateralOffset, forwardOffset: forwardOffset)
    }
}
