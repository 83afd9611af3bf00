/// What a GPS file gave: its fixes in file order, and what was wrong with it.
///
/// Made by ``NMEAParser`` and ``GPXReader``; ``GPSTrack`` sorts the fixes and answers
/// position queries.
public struct GPSLog: Sendable, Equatable {
    /// The fixes in the order the file gives them.
    public var fixes: [GPSFix]
    /// Lines or points that were skipped, and why.
    public var issues: [DriveInputIssue]

    public init(fixes: [GPSFix], issues: [DriveInputIssue] = []) {
        self.fixes = fixes
        self.issues = issues
    }
}
