import Foundation

/// One frame a camera writes: when, from where, and the cars in it (drawing order: farther
/// first).
struct PlannedFrame: Sendable {
    /// Index into ``DriveOptions/cameras``.
    let cameraIndex: Int
    let pass: Int
    /// Index of the frame within its camera's pass, at ``DriveOptions/framesPerSecond``.
    let tick: Int
    let time: Date
    let pose: VehiclePose
    let cars: [CarInView]
    /// File name within the camera folder, set when the frame is kept.
    var file = ""
}
