/// Which side of the scan vehicle a camera looks to, seen in the direction of travel.
public enum CameraSide: String, Sendable, Codable, CaseIterable {
    case left
    case right
}
