import Foundation

/// What a scan did: the run's counters (over all its runs) and the occupancy per zone and pass.
public struct ScanSummary: Sendable {
    public var run: ScanRunRecord
    /// Pass rows, by pass then zone.
    public var occupancy: [ZoneOccupancyRecord]
    /// True when the run stopped early (``ScanSettings/stopAfterFrames``).
    public var interrupted: Bool
    /// Frames read in this run and its duration.
    public var framesThisRun: Int
    public var elapsed: TimeInterval
    /// The process's peak resident memory, in bytes (Linux; 0 elsewhere).
    public var peakResidentBytes: Int
    /// Plates the OCR read in this run, and plates not read again because a track had them
    /// sure (``SurePlates``): their reads were carried over.
    public var platesRead = 0
    public var platesCarried = 0

    public var framesPerSecond: Double { elapsed > 0 ? Double(framesThisRun) / elapsed : 0 }
}
