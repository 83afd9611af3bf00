import DriveInput
import Foundation
import PlateReading

/// One frame as the decision engine takes it: what the reader found in it, when and where it
/// was taken. Recorded drives (`scan`, `watch --replay`) and live cameras (`watch`) both
/// hand their frames over in this form.
public struct FrameReads: Sendable {
    /// The frame's place in the scan's frame order (all cameras), 0-based.
    public var index: Int
    /// The camera's name.
    public var camera: String
    /// The frame's place in its camera's own sequence: frames the reader never saw (dropped
    /// when a live scan fell behind) still count, so the tracker sees the gap.
    public var cameraFrameIndex: Int
    /// When the frame was taken (GPS clock).
    public var time: Date
    /// The frame's image file, or for a live frame a name (`live:right#1234`).
    public var framePath: String
    /// The frame's image when it has no file (live cameras): evidence is cut from it.
    public var image: FrameImage?
    /// The plates read, or why the frame could not be read.
    public var outcome: Result<[PlateRead], PlateReadingError>
    /// Where a car seen in the middle of this frame is; nil without a recent GPS fix.
    public var position: GeoPoint?

    public init(index: Int, camera: String, cameraFrameIndex: Int, time: Date, framePath: String, image: FrameImage? = nil,
                outcome: Result<[PlateRead], PlateReadingError>, position: GeoPoint?) {
        self.index = index
        self.camera = camera
        self.cameraFrameIndex = cameraFrameIndex
        self.time = time
        self.framePath = framePath
        self.image = image
        self.outcome = outcome
        self.position = position
    }

    /// One observation per plate read (none for an unreadable frame).
    var observations: [PlateObservation] {
        guard case .success(let reads) = outcome else { return [] }
        return reads.map {
            PlateObservation(frameIndex: index, cameraFrameIndex: cameraFrameIndex, camera: camera, time: time,
                             framePath: framePath, read: $0, position: position, image: image)
        }
    }
}
