import Foundation

/// How far a scan is, reported after every frame.
public struct ScanProgress: Sendable {
    /// Frames done, counting those of earlier (interrupted) runs.
    public var framesDone: Int
    public var frameCount: Int
    /// Frames read in this run and the seconds it has taken.
    public var framesThisRun: Int
    public var elapsed: TimeInterval

    public var framesPerSecond: Double { elapsed > 0 ? Double(framesThisRun) / elapsed : 0 }

    /// Seconds left at the current rate, nil before the first frame.
    public var estimatedRemaining: TimeInterval? {
        framesPerSecond > 0 ? Double(frameCount - framesDone) / framesPerSecond : nil
    }
}
