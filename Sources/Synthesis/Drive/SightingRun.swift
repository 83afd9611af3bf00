import Foundation

/// Consecutive frames of one camera in one pass that show one car's plate.
struct SightingRun: Sendable {
    let carID: Int
    let pass: Int
    let cameraIndex: Int
    let frames: [PlannedFrame]

    /// The middle frame's time: the sighting's time.
    var time: Date { middle.time }
    var middle: PlannedFrame { frames[frames.count / 2] }
}
