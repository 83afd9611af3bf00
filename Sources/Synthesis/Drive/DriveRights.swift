/// The rights of a drive: the rows of the three CSV files, and for each car what was issued
/// for its plate (or, for a decoy, for a plate that looks like it) and whether it is a right.
public struct DriveRights: Sendable {
    public var permits: [ResidentPermitRecord] = []
    public var sessions: [PaidSessionRecord] = []
    public var exemptions: [ExemptionRecord] = []
    /// Per car id.
    public var byCar: [Int: [CarRightTruth]] = [:]

    /// Whether the car holds a right valid at every one of its sightings, by construction.
    public func hasRight(car id: Int) -> Bool {
        byCar[id]?.contains(where: \.grants) ?? false
    }
}
