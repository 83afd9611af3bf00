import DriveInput
import Foundation
import PlateReading

/// One plate read in one frame, with where and when the frame was taken.
public struct PlateObservation: Sendable, Equatable {
    /// The frame's place in the drive's time order (all cameras), 0-based.
    public var frameIndex: Int
    /// The frame's place in its camera's own sequence, 0-based: gaps are counted in these.
    public var cameraFrameIndex: Int
    /// The camera's name.
    public var camera: String
    /// When the frame was taken (GPS clock).
    public var time: Date
    /// The frame's image file.
    public var framePath: String
    /// What the reader made of the plate.
    public var read: PlateRead
    /// Where the seen car is (camera side and offset applied), nil without a GPS fix.
    public var position: GeoPoint?
    /// The frame's image when it has no file (a live camera). A track keeps it only for its
    /// surest read (``PlateTrack``), so memory does not grow with a long sighting.
    public var image: FrameImage?

    public init(frameIndex: Int, cameraFrameIndex: Int, camera: String, time: Date, framePath: String,
                read: PlateRead, position: GeoPoint?, image: FrameImage? = nil) {
        self.frameIndex = frameIndex
        self.cameraFrameIndex = cameraFrameIndex
        self.camera = camera
        self.time = time
        self.framePath = framePath
        self.read = read
        self.position = position
        self.image = image
    }

    public static func == (a: PlateObservation, b: PlateObservation) -> Bool {
        a.frameIndex == b.frameIndex && a.cameraFrameIndex == b.cameraFrameIndex && a.camera == b.camera && a.time == b.time
            && a.framePath == b.framePath && a.read == b.read && a.position == b.position && a.image == b.image
    }
}
