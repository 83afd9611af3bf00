import Foundation

/// A camera on the scan vehicle, and where the cars it sees are relative to the GPS antenna.
///
/// A side camera sees parked cars about 2-4 m to the side of the vehicle's track.
/// ``lateralOffset`` is that distance, measured square to the direction of travel from the
/// GPS antenna to the middle of a car in the middle of the frame; ``forwardOffset`` moves
/// the point ahead (positive) or behind (negative), for a camera that looks a little
/// forward or a mount away from the antenna.
public struct CameraMount: Sendable, Equatable, Codable {
    /// Default ``lateralOffset``: 3 m, the middle of a parking lane beside the driving lane.
    public static let defaultLateralOffset = 3.0

    /// The camera's name in the drive (`"right"`, `"left-front"`); unique in a drive.
    public var name: String
    public var side: CameraSide
    /// Metres from the antenna to the seen car, square to the direction of travel (≥ 0).
    public var lateralOffset: Double
    /// Metres along the direction of travel (negative: behind the antenna).
    public var forwardOffset: Double

    public init(
        name: String, side: CameraSide = .right,
        lateralOffset: Double = CameraMount.defaultLateralOffset, forwardOffset: Double = 0
    ) {
        self.name = name
        self.side = side
        self.lateralOffset = lateralOffset
        self.forwardOffset = forwardOffset
    }

    /// Where a car seen by this camera is, when the vehicle is at `vehicle`.
    ///
    /// The car is ``lateralOffset`` metres to the right (or left) of the heading and
    /// ``forwardOffset`` metres ahead, on a local flat-earth approximation
    /// (``GeoPoint/offset(northMetres:eastMetres:)``: error below a millimetre for offsets of
    /// metres, negligible next to GPS error).
    ///
    /// - Returns: nil when the vehicle's heading is unknown (it never moved in its track):
    ///   then "right" has no direction.
    public func position(ofCarSeenFrom vehicle: TrackPosition) -> GeoPoint? {
        guard let heading = vehicle.heading else { return nil }
        let forward = heading.radians
        let sideways = (heading + (side == .right ? 90 : -90)).radians
        let east = forwardOffset * sin(forward) + lateralOffset * sin(sideways)
        let north = forwardOffset * cos(forward) + lateralOffset * cos(sideways)
        return vehicle.location.offset(northMetres: north, eastMetres: east)
    }
}
