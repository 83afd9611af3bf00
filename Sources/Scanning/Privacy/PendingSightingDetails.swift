import Foundation

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

    public init(sighting: Sighting) {
        plate = sighting.plate.text
        country = sighting.plate.country
        seenAt = sighting.time
        camera = sighting.camera
        frame = sighting.bestObservation.framePath
        latitude = sighting.position?.latitude
        longitude = sighting.position?.longitude
        confidence = sighting.plate.confidence
        agreement = sighting.plate.agreement
        readCount = sighting.plate.readCount
        alternatives = sighting.plate.alternatives
    }
}
