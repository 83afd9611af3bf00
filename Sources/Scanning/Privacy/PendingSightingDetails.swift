import Foundation
import PlateReading

/// What is kept of a pending first sighting, sealed under its day key: everything a case
/// needs from it if the car is seen again.
public struct PendingSightingDetails: Sendable, Codable, Equatable {
    public var plate: String
    public var country: String?
    public var seenAt: Date
    public var camera: String
    public var frame: String
    public var latitude: Double?
    public var longitude: Double?
    public var confidence: Double
    public var agreement: Double
    public var readCount: Int
    public var alternatives: [FusedPlate.Alternative]
    /// False when the sighting was not sure enough on its own (``ReadCertainty``), only
    /// enough to be confirmed by a sure one; nil (sure) in sightings stored before.
    public var sure: Bool?
    /// The plate's box in ``frame``, where a case's evidence is cut from the kept frame
    /// (``PendingEvidence/frame(_:)``); nil in sightings stored before.
    public var plateBox: PixelBox?

    /// Whether the sighting was sure on its own: it can make a case with a later sighting
    /// that is only sure enough to confirm it.
    public var isSure: Bool { sure ?? true }

    public init(sighting: Sighting, sure: Bool = true) {
        self.sure = sure ? nil : false
        plate = sighting.plate.text
        country = sighting.plate.country
        seenAt = sighting.time
        camera = sighting.camera
        frame = sighting.bestObservation.framePath
        plateBox = sighting.bestObservation.read.box
        latitude = sighting.position?.latitude
        longitude = sighting.position?.longitude
        confidence = sighting.plate.confidence
        agreement = sighting.plate.agreement
        readCount = sighting.plate.readCount
        alternatives = sighting.plate.alternatives
    }
}
