import Foundation
import PlateReading
import Scanning

/// A frame from a live source, waiting to be read.
public struct LiveFrame: Sendable {
    /// The camera's name (as in the status line and the sightings).
    public var camera: String
    /// The frame's place in its camera's sequence, counting frames dropped later.
    public var cameraFrameIndex: Int
    /// When it was taken (GPS clock: UTC).
    public var time: Date
    /// Its image (cameras, video files: the camera's JPEG, or decoded pixels), or nil when it
    /// is a file to read (replay).
    public var image: FrameImage?
    /// The image file (replay), or a name for the frame (`live:right#1234`).
    public var path: String

    public init(camera: String, cameraFrameIndex: Int, time: Date, image: FrameImage?, path: String) {
        self.camera = camera
        self.cameraFrameIndex = cameraFrameIndex
        self.time = time
        self.image = image
        self.path = path
    }
}
