import Foundation
import PlateReading

/// The settings of a scan, with their defaults.
public struct ScanSettings: Sendable {
    /// Reader configuration (one reader per worker).
    public var reader: PlateReaderConfiguration = .init()
    /// Reader threads (one per core).
    public var workers: Int = 2
    /// Frames read ahead of the consumer at most.
    public var readAhead: Int = 8
    /// A gap in frame times longer than this starts a new pass (default 3 min): passes are
    /// what occupancy is counted per, and the unit a scan commits and resumes by.
    public var passGap: TimeInterval = 180
    /// Length of the occupancy time buckets (default 15 min).
    public var bucket: TimeInterval = 15 * 60
    /// A car placed at most this many metres outside a zone counts as in it (default 2 m:
    /// position error against 2.5 m wide kerb strips; never enough to cross the street).
    public var zoneTolerance: Double = 2
    /// When a plate need not be read again in a camera's next frames.
    public var surePlates: SurePlates.Rule = .init()
    /// When a read is sure enough to act on.
    public var certainty: ReadCertainty = .init()
    /// When a read that falls short of ``certainty`` is still sure enough to make a case with a
    /// sure sighting of exactly its plate, before or after it (two such never make one).
    public var confirmation: ReadCertainty = .confirming
    /// How long pending sightings and their keys live.
    public var retention: RetentionPolicy = .init()
    /// How evidence images are made.
    public var evidence: EvidenceRenderer = .init()
    /// Stop (as if killed) after reading this many frames in this run: for resumption tests.
    public var stopAfterFrames: Int?

    public init() {}
}
