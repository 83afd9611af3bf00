import PlateReading

/// Groups the reads of the same plate across consecutive frames of one camera into tracks.
///
/// A read continues a track of its camera when
/// - the track's last read is at most ``maximumGap`` frames back (frames in between may have
///   missed the plate),
/// - its text is the track's, or differs by one character (one edit: the OCR dropped, added
///   or confused one) and the plate has at least 4 characters, and
/// - its box is where the track's motion puts it: within 2 box widths of the predicted centre
///   once the track has a velocity, within 4 widths for a track's second read, vertically
///   within 1.5 box heights, and of a similar size (0.5-2x).
///
/// Among several candidates the nearest box wins; each track takes at most one read per
/// frame. Tracks are closed (returned) once no read can continue them any more.
public struct SightingTracker: Sendable {
    /// Frames a plate may be missed within a track.
    public var maximumGap: Int

    private var open: [PlateTrack] = []

    public init(maximumGap: Int = 2) {
        self.maximumGap = maximumGap
    }

    /// True when no track is open: everything seen so far has been returned.
    public var isIdle: Bool { open.isEmpty }

    /// How many tracks are open (cars in view, or just out of it).
    public var openTrackCount: Int { open.count }

    /// The frame index (drive order) of the earliest read in an open track, if any.
    public var earliestOpenFrame: Int? { open.map(\.firstFrameIndex).min() }

    /// Adds the reads of one frame of `camera` (its `cameraFrameIndex`-th) and returns the
    /// tracks that can no longer grow, in the order of their first frame.
    public mutating func add(_ observations: [PlateObservation], camera: String, cameraFrameIndex: Int) -> [PlateTrack] {
        var closed = close(camera: camera, before: cameraFrameIndex)
        var taken = Set<Int>()
        // Best read first, so that a clear read claims its track before a doubtful one.
        for observation in observations.sorted(by: { $0.read.confidence > $1.read.confidence }) {
            var best: (index: Int, distance: Double)?
            for (index, track) in open.enumerated()
            where track.camera == camera && !taken.contains(index) && track.lastCameraFrameIndex < cameraFrameIndex {
                guard let distance = track.distance(to: observation, maximumGap: maximumGap) else { continue }
                if best == nil || distance < best!.distance { best = (index, distance) }
            }
            if let best {
                open[best.index].append(observation)
                taken.insert(best.index)
            } else {
                open.append(PlateTrack(observation))
                taken.insert(open.count - 1)
            }
        }
        closed.sort { $0.firstFrameIndex < $1.firstFrameIndex }
        return closed
    }

    /// Closes and returns every open track (end of the drive or of a pass).
    public mutating func finish() -> [PlateTrack] {
        let all = open.sorted { $0.firstFrameIndex < $1.firstFrameIndex }
        open = []
        return all
    }

    /// Closes the tracks of `camera` whose last read is more than ``maximumGap`` frames
    /// before `cameraFrameIndex`.
    public mutating func close(camera: String, before cameraFrameIndex: Int) -> [PlateTrack] {
        var closed: [PlateTrack] = []
        open.removeAll { track in
            guard track.camera == camera, cameraFrameIndex - track.lastCameraFrameIndex > maximumGap + 1 else { return false }
            closed.append(track)
            return true
        }
        return closed
    }
}
