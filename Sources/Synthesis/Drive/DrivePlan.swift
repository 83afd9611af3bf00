/// A whole drive decided: the street, the rights, the frames, the GPS log, the cases.
struct DrivePlan: Sendable {
    let scenario: ParkingScenario
    let rights: DriveRights
    let frames: FramePlan
    let cases: [ExpectedCase]
    let gpsLog: String
    let corruptGPSLines: [Int]
}
