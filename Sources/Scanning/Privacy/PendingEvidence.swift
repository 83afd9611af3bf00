import Foundation

/// What a pending first sighting keeps for the case it may become, sealed with it.
public enum PendingEvidence: Sendable, Equatable {
    /// Its frame as the camera took it (a JPEG or PNG image file's bytes), the plate at
    /// ``PendingSightingDetails/plateBox``. The overview (faces blurred) and the plate crop
    /// are rendered from it only when the sighting becomes a case: most pending sightings
    /// never do, and rendering them cost a face search of ~0.1 s each on the live unit.
    case frame(Data)
    /// The images rendered when it was stored (sightings stored before the frame was kept).
    case rendered(overview: Data?, crop: Data?)
}
