/// A camera as it was simulated: `truth.json` → `cameras[]` (the mount offsets are the ones in
/// `drive.json`).
public struct CameraTruth: Sendable, Hashable, Codable {
    public let name: String
    public let side: String
    public let lateralOffset: Double
    public let forwardOffset: Double
    public let yawDegrees: Double
    public let horizontalFieldOfViewDegrees: Double
    public let heightMetres: Double
    public let pitchDegrees: Double
}
