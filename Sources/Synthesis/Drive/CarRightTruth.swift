/// Something issued for (or near) a car's plate, and whether it is a right where and when the
/// car was seen: `truth.json` → `cars[].rights[]`.
public struct CarRightTruth: Sendable, Hashable, Codable {
    /// `residentPermit`, `paidSession` or `exemption`.
    public let kind: String
    /// The row's reference in the rights CSV.
    public let reference: String
    /// True when it covers the car's zone at all of its sightings.
    public let grants: Bool
    /// Why it is or is not a right: `valid`, `expired`, `wrongArea`, `otherSplit` (issued to
    /// a plate with the same characters split differently), …
    public let note: String
}
