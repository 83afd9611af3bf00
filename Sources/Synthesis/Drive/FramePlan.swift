/// The frames the cameras write and the sightings they contain, before any is drawn.
struct FramePlan: Sendable {
    /// Kept frames: camera by camera, each in time order.
    let frames: [PlannedFrame]
    /// Per car id, in time order (camera by camera).
    let sightings: [Int: [SightingRun]]
}
