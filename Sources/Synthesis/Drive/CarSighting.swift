import Foundation

/// A run of consecutive frames of one camera in one pass in which a car's plate is visible:
/// `truth.json` → `cars[].sightings[]`.
public struct CarSighting: Sendable, Hashable, Codable {
    public let pass: Int
    public let camera: String
    /// The middle frame's time (ISO 8601): the sighting's time for the case rules.
    public let time: String
    public let firstFrame: String
    public let lastFrame: String
    /// Number of frames in the run.
    public let frames: Int
    /// The middle frame's file, relative to the drive folder.
    public let middleFile: String
}
